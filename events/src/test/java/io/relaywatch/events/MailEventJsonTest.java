package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class MailEventJsonTest {
  private static final JsonSerde<MailEvent> SERDE = new JsonSerde<>(MailEvent.class);

  private static MailEvent relayDenial() {
    return MailEvent.builder(EventType.REJECT)
        .timestamp(OffsetDateTime.parse("2026-11-03T10:33:27.123+01:00"))
        .host("mx1")
        .program("postfix/smtpd")
        .pid(1234)
        .mta(Mta.POSTFIX)
        .instance("postfix")
        .service("smtpd")
        .queueId("NOQUEUE")
        .action(RejectAction.REJECT)
        .stage("RCPT")
        .clientIp("2001:db8::1")
        .smtpCode(554)
        .enhancedCode("5.7.1")
        .reason(RejectReason.RELAY_DENIED)
        .commands(Map.of("auth", new CommandCount(0, 1)))
        .raw("raw line")
        .build();
  }

  @Test
  void shouldRoundTripAnEventThroughTheTopicSerde() {
    MailEvent event = relayDenial();

    byte[] bytes = SERDE.serializer().serialize("t", event);

    assertThat(SERDE.deserializer().deserialize("t", bytes)).isEqualTo(event);
  }

  @Test
  void shouldWriteWireNamesOffsetsAndExplicitNulls() throws Exception {
    JsonNode json = Json.mapper().readTree(SERDE.serializer().serialize("t", relayDenial()));

    assertThat(json.get("type").asText()).isEqualTo("reject");
    assertThat(json.get("reason").asText()).isEqualTo("relay_denied");
    assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-03T10:33:27.123+01:00");
    assertThat(json.get("commands").get("auth").get("total").asInt()).isEqualTo(1);
    assertThat(json.has("sender")).isTrue();
    assertThat(json.get("sender").isNull()).isTrue();
  }

  @Test
  void shouldCountOnlyRealRefusalsAsRelayDenials() {
    MailEvent denial = relayDenial();
    MailEvent dryRun = denial.toBuilder().action(RejectAction.REJECT_WARNING).build();

    assertThat(denial.isRelayDenial()).isTrue();
    assertThat(dryRun.isRelayDenial()).isFalse();
  }

  @Test
  void shouldNameTheTopicAndTypeWhenBytesAreNotAnEvent() {
    byte[] garbage = {(byte) 0xff, 0x00, 0x41};

    assertThatThrownBy(() -> SERDE.deserializer().deserialize("relaywatch.events", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("relaywatch.events")
        .hasMessageContaining("MailEvent");
  }

  @Test
  void shouldRejectUnknownWireNamesWithTheExpectedValues() {
    assertThatThrownBy(() -> RejectReason.fromWireName("bogus"))
        .hasMessageContaining("'bogus'")
        .hasMessageContaining("relay_denied");
  }
}
