package io.relaywatch.alerts.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageOutcome;
import io.relaywatch.events.MessageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Records of relaywatch.messages into client evidence: only relayed ones, inside the window. */
class EvidenceLedgerMessagesTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-03T10:00:00Z");
  private static final String STRANGER = "203.0.113.7";

  private final EvidenceLedger ledger =
      new EvidenceLedger(
          VerdictConfig.defaults(),
          new LedgerLimits(Duration.ofHours(1), Duration.ofMinutes(1), 100),
          () -> {});

  private static MessageRecord message(
      String ip, String queueId, boolean authenticated, boolean foreign, long minute) {
    OffsetDateTime at = T0.plusMinutes(minute);
    return new MessageRecord(
        "mx1",
        queueId,
        ip,
        "unknown",
        authenticated,
        authenticated ? "alice" : null,
        "x@example.org",
        List.of(foreign ? "victim.example" : "example.com"),
        1,
        MessageOutcome.SENT,
        Map.of(MessageOutcome.SENT, 1),
        foreign,
        at,
        at,
        MessageClose.COMPLETE,
        List.of(queueId + ": client=unknown[" + ip + "]"));
  }

  private Optional<ClientEvidence> client(Instant now, String ip) {
    List<Evidence> evidence = ledger.evidence(now);
    return evidence.stream()
        .filter(e -> e instanceof ClientEvidence c && c.clientIp().equals(ip))
        .map(ClientEvidence.class::cast)
        .findFirst();
  }

  @Test
  void shouldGatherRelayedMessagesWithTheirQueueIds() {
    assertThat(ledger.add(message(STRANGER, "4F3B21C0A1", false, true, 1))).isTrue();
    assertThat(ledger.add(message(STRANGER, "4F3B21C0A2", false, true, 2))).isTrue();

    ClientEvidence c = client(T0.plusMinutes(3).toInstant(), STRANGER).orElseThrow();
    assertThat(c.messages().relayedMessages()).isEqualTo(2);
    assertThat(c.messages().queueIds()).containsExactly("4F3B21C0A1", "4F3B21C0A2");
    assertThat(c.messages().recipientDomains()).containsExactly("victim.example");
    assertThat(c.messages().mailHosts()).containsExactly("mx1");
    assertThat(c.messages().sampleLines()).hasSize(2);
    assertThat(c.firstSeen()).isEqualTo(T0.plusMinutes(1));
    assertThat(c.lastSeen()).isEqualTo(T0.plusMinutes(2));
  }

  @Test
  void shouldIgnoreAuthenticatedAndLocalMessages() {
    assertThat(ledger.add(message(STRANGER, "4F3B21C0A1", true, true, 1))).isFalse();
    assertThat(ledger.add(message(STRANGER, "4F3B21C0A2", false, false, 1))).isFalse();

    assertThat(client(T0.plusMinutes(2).toInstant(), STRANGER)).isEmpty();
  }

  @Test
  void shouldForgetRelayedMessagesThatLeftTheWindow() {
    ledger.add(message(STRANGER, "4F3B21C0A1", false, true, 0));
    ledger.add(message(STRANGER, "4F3B21C0A2", false, true, 50));

    ClientEvidence c = client(T0.plusMinutes(70).toInstant(), STRANGER).orElseThrow();
    assertThat(c.messages().queueIds()).containsExactly("4F3B21C0A2");
    assertThat(client(T0.plusMinutes(200).toInstant(), STRANGER)).isEmpty();
  }

  @Test
  void shouldKeepAtMostTheCapOfRelayedMessagesPerClient() {
    for (int i = 0; i < RelayedMessages.MAX_KEPT + 50; i++) {
      ledger.add(message(STRANGER, String.format("ABC%07X", i), false, true, 1));
    }

    ClientEvidence c = client(T0.plusMinutes(2).toInstant(), STRANGER).orElseThrow();
    assertThat(c.messages().relayedMessages()).isEqualTo(RelayedMessages.MAX_KEPT);
    assertThat(c.messages().queueIds()).hasSize(10).startsWith("ABC0000032");
  }
}
