package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Alert;
import io.relaywatch.events.Finding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdoutReceiverTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final StdoutReceiver receiver =
      new StdoutReceiver(
          new PrintStream(bytes, true, StandardCharsets.UTF_8),
          new Runbooks("https://wiki.example.net/mail/runbooks/"));

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldPrintVerdictSeveritySubjectFixAndEvidence() {
    assertThat(receiver.deliver(TestAlerts.firing("10.1.2.3")))
        .isInstanceOf(Delivery.Delivered.class);

    assertThat(printed().lines().toList())
        .startsWith(
            "relaywatch FIRING warning trusted_sender_not_in_mynetworks 10.1.2.3",
            "  summary: 10.1.2.3 sends as example.com on port 25 without AUTH and is not in"
                + " mynetworks")
        .contains(
            "  fix:",
            "    Add 10.1.2.3/32 to mynetworks, or move the application to port 587 with AUTH.",
            "      postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128 10.1.2.3/32'",
            "      postfix check && postfix reload",
            "  diagnostics:",
            "    postconf mynetworks",
            "  evidence:",
            "    " + TestAlerts.EVIDENCE,
            "  runbook: https://wiki.example.net/mail/runbooks/trusted_sender_not_in_mynetworks.md");
  }

  @Test
  void shouldSayWhenAnAlertResolved() {
    receiver.deliver(TestAlerts.resolved("10.1.2.3", Instant.parse("2026-11-28T10:10:00Z")));
    assertThat(printed())
        .startsWith("relaywatch RESOLVED warning trusted_sender_not_in_mynetworks 10.1.2.3")
        .contains("resolved 2026-11-28T10:10:00Z");
  }

  @Test
  void shouldKeepHostileEvidenceFromControllingTheTerminalOrForgingLines() {
    Alert a = TestAlerts.firing("10.1.2.3");
    Finding f = a.finding();
    Finding hostile =
        new Finding(
            f.verdict(),
            f.severity(),
            f.subject(),
            f.clientIp(),
            f.summary(),
            f.count(),
            f.firstSeen(),
            f.lastSeen(),
            List.of("helo=<\u001b[2J\u001b[1;1H>\nrelaywatch RESOLVED info all clear"),
            f.diagnostics(),
            f.fix());
    receiver.deliver(TestAlerts.withFinding(a, hostile));

    String out = printed();
    assertThat(out).doesNotContain("\u001b");
    assertThat(out.lines()).noneMatch(line -> line.startsWith("relaywatch RESOLVED"));
    assertThat(out).contains("    helo=<\\x1b[2J\\x1b[1;1H>\\nrelaywatch RESOLVED info all clear");
  }

  @Test
  void shouldColourOnlyItsOwnWordsWhenAskedAndStillEscapeLogText() {
    ByteArrayOutputStream coloured = new ByteArrayOutputStream();
    StdoutReceiver terminal =
        new StdoutReceiver(
            new PrintStream(coloured, true, StandardCharsets.UTF_8),
            new Runbooks("https://wiki.example.net/mail/runbooks/"),
            true);
    Alert a = TestAlerts.firing("10.1.2.3");
    Finding f = a.finding();
    Finding hostile =
        new Finding(
            f.verdict(),
            f.severity(),
            f.subject(),
            f.clientIp(),
            f.summary(),
            f.count(),
            f.firstSeen(),
            f.lastSeen(),
            List.of("helo=<\u001b[31mred>"),
            f.diagnostics(),
            f.fix());

    terminal.deliver(TestAlerts.withFinding(a, hostile));

    String out = coloured.toString(StandardCharsets.UTF_8);
    assertThat(out.lines().findFirst().orElseThrow())
        .isEqualTo(
            "\u001b[1;33mrelaywatch FIRING warning trusted_sender_not_in_mynetworks 10.1.2.3\u001b[0m");
    assertThat(out).contains("    helo=<\\x1b[31mred>");
  }
}
