package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRecordJsonTest {
  private static final JsonSerde<MessageRecord> SERDE = new JsonSerde<>(MessageRecord.class);

  private static MessageRecord relayed(List<String> samples) {
    return new MessageRecord(
        "mx1",
        "4F3B21C0A1",
        "203.0.113.7",
        "unknown",
        false,
        null,
        "spam@example.org",
        List.of("victim.example"),
        1,
        MessageOutcome.SENT,
        Map.of(MessageOutcome.SENT, 1, MessageOutcome.DEFERRED, 1),
        true,
        OffsetDateTime.parse("2026-11-03T10:33:27+01:00"),
        OffsetDateTime.parse("2026-11-03T10:33:29+01:00"),
        MessageClose.COMPLETE,
        samples);
  }

  @Test
  void shouldRoundTripAMessageThroughTheTopicSerde() {
    MessageRecord message = relayed(List.of("a", "b"));

    byte[] bytes = SERDE.serializer().serialize("t", message);

    assertThat(SERDE.deserializer().deserialize("t", bytes)).isEqualTo(message);
  }

  @Test
  void shouldWriteWireNamesAndSortedOutcomes() throws Exception {
    JsonNode json = Json.mapper().readTree(SERDE.serializer().serialize("t", relayed(List.of())));

    assertThat(json.get("outcome").asText()).isEqualTo("sent");
    assertThat(json.get("closedBy").asText()).isEqualTo("complete");
    assertThat(json.get("outcomes").fieldNames()).toIterable().containsExactly("sent", "deferred");
    assertThat(json.get("saslUsername").isNull()).isTrue();
    assertThat(json.get("leftForForeignDomain").asBoolean()).isTrue();
  }

  @Test
  void shouldKeepAtMostThreeSampleLines() {
    assertThat(relayed(List.of("1", "2", "3", "4", "5")).sampleLines())
        .containsExactly("1", "2", "3");
  }

  @Test
  void shouldMapPostfixStatusWordsToOutcomes() {
    assertThat(MessageOutcome.ofStatus("sent")).isEqualTo(MessageOutcome.SENT);
    assertThat(MessageOutcome.ofStatus("expired")).isEqualTo(MessageOutcome.BOUNCED);
    assertThat(MessageOutcome.ofStatus("deliverable")).isEqualTo(MessageOutcome.UNKNOWN);
  }
}
