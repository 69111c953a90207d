package io.relaywatch.alerts.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Verdict;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relaywatch audit --live} against the real Postfix {@code postconf} (Debian package), on a
 * private configuration directory ({@code postconf -c DIR}): each unsafe configuration is found,
 * its proposed {@code postconf} commands are run exactly as proposed (split into arguments without
 * a shell, with {@code -c DIR} added), and the audit then finds nothing more of that verdict.
 */
class AuditLiveIT {
  private static final VerdictConfig SITE = Audits.site("127.0.0.0/27", "::1");

  @TempDir Path dir;
  @TempDir Path queue;
  private Path postconf;

  @BeforeEach
  void setUp() throws IOException {
    Optional<Path> found = LivePostconf.find();
    assumeTrue(found.isPresent(), "postconf is not installed (apt-get install postfix)");
    postconf = found.get();
    Path master = Path.of("/etc/postfix/master.cf");
    if (Files.isReadable(master)) {
      Files.copy(master, dir.resolve("master.cf"));
    } else {
      Files.writeString(dir.resolve("master.cf"), "smtp inet n - y - - smtpd\n");
    }
  }

  private void mainCf(String... lines) throws IOException {
    List<String> all =
        new ArrayList<>(List.of("myhostname = mx.example.test", "queue_directory = " + queue));
    all.addAll(List.of(lines));
    Files.writeString(dir.resolve("main.cf"), String.join("\n", all) + "\n");
  }

  private Audit.Report audit() throws IOException {
    return Audit.run(LivePostconf.create(Optional.of(dir)).read(SITE));
  }

  private Finding finding(Verdict verdict) throws IOException {
    return Audits.only(audit(), verdict);
  }

  /** Runs every postconf line of the fix as proposed, with -c DIR, and no shell. */
  private void apply(Finding finding) throws IOException, InterruptedException {
    int applied = 0;
    for (String line : finding.fix().postfix()) {
      if (!line.startsWith("postconf ")) {
        continue;
      }
      List<String> argv = new ArrayList<>(Argv.split(line).orElseThrow());
      argv.set(0, postconf.toString());
      argv.addAll(1, List.of("-c", dir.toString()));
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("%s: %s", line, output).isZero();
      assertThat(output).as(line).doesNotContain("fatal").doesNotContain("unmatched");
      applied++;
    }
    assertThat(applied).isPositive();
  }

  private void assertFixed(Verdict verdict) throws IOException {
    assertThat(Audits.verdicts(audit())).doesNotContain(verdict);
  }

  @Test
  void shouldNarrowAWideMynetworksAndFindItClosedAfterTheProposedCommand() throws Exception {
    mainCf(
        "compatibility_level = 3.6", "mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128");

    Finding f = finding(Verdict.MYNETWORKS_TOO_WIDE);
    assertThat(f.subject()).isEqualTo("mx.example.test");
    assertThat(f.fix().postfix())
        .first()
        .isEqualTo("postconf -e 'mynetworks = 127.0.0.0/27 [::1]/128'");
    apply(f);

    assertFixed(Verdict.MYNETWORKS_TOO_WIDE);
    assertThat(Files.readString(dir.resolve("main.cf")))
        .contains("mynetworks = 127.0.0.0/27 [::1]/128");
  }

  @Test
  void shouldCloseAnEverywhereMynetworks() throws Exception {
    mainCf("compatibility_level = 3.6", "mynetworks = 0.0.0.0/0");

    Finding f = finding(Verdict.MYNETWORKS_TOO_WIDE);
    assertThat(f.fix().postfix()).first().isEqualTo("postconf -e 'mynetworks = 127.0.0.0/27'");
    apply(f);

    assertFixed(Verdict.MYNETWORKS_TOO_WIDE);
  }

  @Test
  void shouldReadTheSubnetDefaultThePostfixComputesWhenMynetworksIsUnset() throws Exception {
    // No compatibility_level: Postfix keeps mynetworks_style = subnet, whose value
    // postconf -x computes from this machine's interfaces (127.0.0.0/8 at least).
    mainCf();

    Finding f = finding(Verdict.MYNETWORKS_TOO_WIDE);
    assertThat(f.summary()).contains("127.0.0.0/8");
    apply(f);

    assertFixed(Verdict.MYNETWORKS_TOO_WIDE);
  }

  @Test
  void shouldCloseOpenRelayRestrictions() throws Exception {
    mainCf(
        "compatibility_level = 3.6",
        "mynetworks = 127.0.0.0/27",
        "smtpd_relay_restrictions = permit_mynetworks, permit");

    Finding f = finding(Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);
    apply(f);

    assertFixed(Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);
  }

  @Test
  void shouldPermitAuthenticatedClientsToRelay() throws Exception {
    mainCf(
        "compatibility_level = 3.6",
        "mynetworks = 127.0.0.0/27",
        "smtpd_sasl_auth_enable = yes",
        "smtpd_tls_auth_only = yes",
        "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination");

    apply(finding(Verdict.SASL_NOT_PERMITTED_FOR_RELAY));

    assertFixed(Verdict.SASL_NOT_PERMITTED_FOR_RELAY);
  }

  @Test
  void shouldRequireTlsForAuthAndOnSubmission() throws Exception {
    mainCf(
        "compatibility_level = 3.6", "mynetworks = 127.0.0.0/27", "smtpd_sasl_auth_enable = yes");
    Files.writeString(
        dir.resolve("master.cf"),
        "submission inet n - y - - smtpd\n"
            + "  -o syslog_name=postfix/submission\n"
            + "  -o smtpd_tls_security_level=may\n",
        java.nio.file.StandardOpenOption.APPEND);

    apply(finding(Verdict.TLS_AUTH_NOT_REQUIRED));
    apply(finding(Verdict.SUBMISSION_NOT_ENCRYPTED));

    assertThat(audit().findings()).isEmpty();
  }

  @Test
  void shouldFindTheDovecotSocketMissingUntilSomethingListensOnIt() throws Exception {
    mainCf(
        "compatibility_level = 3.6",
        "mynetworks = 127.0.0.0/27",
        "smtpd_sasl_auth_enable = yes",
        "smtpd_tls_auth_only = yes",
        "smtpd_sasl_type = dovecot",
        "smtpd_sasl_path = private/auth");

    Finding f = finding(Verdict.SASL_BACKEND_UNAVAILABLE);
    assertThat(f.summary()).contains(queue.resolve("private/auth").toString());

    Path socket = Files.createDirectories(queue.resolve("private")).resolve("auth");
    try (ServerSocketChannel dovecot = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dovecot.bind(UnixDomainSocketAddress.of(socket));
      assertFixed(Verdict.SASL_BACKEND_UNAVAILABLE);
    }
  }
}
