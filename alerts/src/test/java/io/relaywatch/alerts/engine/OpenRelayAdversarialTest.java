package io.relaywatch.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Finding;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Verdict;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * server_is_open_relay with hostile queue ids, domains, hosts and lines: the commands are the same
 * bytes as for harmless evidence, but for the valid queue ids.
 */
class OpenRelayAdversarialTest {
  private static final List<String> HOSTILE =
      List.of(
          "$(rm -rf /)",
          "`reboot`",
          "4F3B21C0A1; postsuper -d ALL",
          "ALL",
          "'; postconf -e 'mynetworks = 0.0.0.0/0",
          "ABCDEF12\nreboot",
          "../../etc/passwd",
          "<script>alert(1)</script>");

  private static final VerdictConfig SITE =
      new VerdictConfig(
          InternalNetworks.of(List.of("10.0.0.0/8")),
          InternalNetworks.of(List.of()),
          Set.of("example.com"),
          Optional.of("10.1.0.0/24 203.0.113.0/24"),
          Mta.POSTFIX);

  private static ClientEvidence relayed(String text) {
    return new ClientEvidence(
        "203.0.113.9",
        0,
        0,
        List.of(text),
        0,
        0,
        Set.of(text),
        Set.of(Mta.POSTFIX),
        Set.of(text),
        SessionStats.NONE,
        OffsetDateTime.parse("2026-11-03T10:00:00Z"),
        OffsetDateTime.parse("2026-11-03T10:00:01Z"),
        List.of(text),
        new MessageStats(
            2,
            List.of(text, "4F3B21C0A1"),
            List.of(text, "victim.example"),
            List.of(text),
            List.of("Nov 3 mx1 postfix/smtpd[1]: " + text + ": client=unknown[203.0.113.9]")));
  }

  private static List<String> commands(Finding f) {
    List<String> all = new ArrayList<>(f.fix().postfix());
    all.addAll(f.diagnostics());
    return all;
  }

  @Test
  void shouldBuildTheSameCommandsWhateverTheLogText() {
    VerdictEngine engine = VerdictEngine.create(SITE);
    Finding harmless = engine.evaluate(relayed("victim.example")).get(0);
    assertThat(harmless.verdict()).isEqualTo(Verdict.SERVER_IS_OPEN_RELAY);
    assertThat(commands(harmless)).contains("postsuper -h 4F3B21C0A1");

    for (String text : HOSTILE) {
      Finding f = engine.evaluate(relayed(text)).get(0);
      assertThat(f.verdict()).isEqualTo(Verdict.SERVER_IS_OPEN_RELAY);
      assertThat(commands(f)).as(text).isEqualTo(commands(harmless));
      assertThat(f.summary()).as(text).doesNotContain(text);
    }
  }
}
