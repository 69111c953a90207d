package io.relaywatch.alerts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Verdict;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dovecot auth socket, probed for real under a temporary queue directory. */
class SaslSocketCheckTest {
  @TempDir Path queue;

  private Audit.Report audit(boolean onMailHost) {
    String config = Audits.SAFE + "queue_directory = " + queue + "\n";
    MainConfig main = new MainConfig(PostfixParameters.parse(config), PostfixParameters.empty());
    return Audit.run(AuditInput.of(main, Audits.SAFE_MASTER, Audits.site(), onMailHost));
  }

  @Test
  void shouldFlagAMissingSocketOnlyOnTheMailHost() {
    Finding f = Audits.only(audit(true), Verdict.SASL_BACKEND_UNAVAILABLE);

    assertThat(f.summary()).contains(queue.resolve("private/auth").toString());
    assertThat(f.fix().dovecot()).contains("unix_listener /var/spool/postfix/private/auth");
    assertThat(Audits.verdicts(audit(false))).isEmpty();
  }

  @Test
  void shouldFlagASocketNobodyListensOn() throws IOException {
    Path socket = Files.createDirectories(queue.resolve("private")).resolve("auth");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThat(Audits.verdicts(audit(true))).isEmpty();
    }
    // Closed: the socket file stays behind with nobody listening, as after a Dovecot crash.
    assertThat(Files.exists(socket)).isTrue();
    assertThat(Audits.verdicts(audit(true))).isEqualTo(List.of(Verdict.SASL_BACKEND_UNAVAILABLE));
  }
}
