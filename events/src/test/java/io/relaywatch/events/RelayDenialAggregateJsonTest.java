package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayDenialAggregateJsonTest {
  private static final RelayDenialAggregate AGGREGATE =
      new RelayDenialAggregate(
          "192.0.2.1",
          Instant.parse("2026-11-03T10:00:00Z"),
          Instant.parse("2026-11-03T10:01:00Z"),
          "PT1M",
          3,
          2,
          true,
          List.of("a.example", "b.example"),
          1,
          true,
          0,
          3,
          List.of("smtpd"),
          List.of(554),
          List.of("mx1"),
          OffsetDateTime.parse("2026-11-03T11:00:01+01:00"),
          OffsetDateTime.parse("2026-11-03T11:00:09+01:00"),
          List.of("line 1", "line 2", "line 3"));

  @Test
  void shouldWriteCamelCaseFieldsWithIsoTimes() throws IOException {
    byte[] bytes = Topics.RELAY_DENIALS.valueSerde().serializer().serialize("t", AGGREGATE);
    JsonNode json = Json.mapper().readTree(bytes);

    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "clientIp",
            "windowStart",
            "windowEnd",
            "windowSize",
            "count",
            "recipientDomains",
            "recipientDomainsExact",
            "recipientDomainList",
            "senders",
            "sendersExact",
            "localSenders",
            "foreignSenders",
            "services",
            "smtpCodes",
            "mailHosts",
            "firstSeen",
            "lastSeen",
            "sampleLines");
    assertThat(json.get("windowStart").asText()).isEqualTo("2026-11-03T10:00:00Z");
    assertThat(json.get("firstSeen").asText()).isEqualTo("2026-11-03T11:00:01+01:00");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"smtpCodes\":[554]");
  }

  @Test
  void shouldReadBackWhatItWrote() {
    var serde = Topics.RELAY_DENIALS.valueSerde();
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", AGGREGATE)))
        .isEqualTo(AGGREGATE);
  }
}
