package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.Test;

/** Every processor, store and repartition topic is named, so topology changes keep their state. */
class TopologyNamesTest {
  @Test
  void shouldNameEveryProcessorAndStore() {
    String description = DenialTimeline.topology(AggregationConfig.DEFAULTS).describe().toString();

    assertThat(description)
        .contains(
            "relay-denials-only",
            "relay-denials-1m-aggregate",
            "relay-denials-1m-store",
            "relay-denials-1m-sink",
            "relay-denials-1h-aggregate",
            "relay-denials-1h-store",
            "relay-denials-1h-sink")
        .doesNotContain("KSTREAM-", "KTABLE-");
  }

  @Test
  void shouldNameTheRepartitionTopicWhenTheCallerReKeyed() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, MailEvent> byHost =
        builder.stream(
            Topics.EVENTS.name(),
            Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde())
                .withName("events-source"));
    RelayDenialAggregation.addTo(
        byHost.selectKey((host, e) -> e.clientIp(), Named.as("key-by-ip")),
        AggregationConfig.DEFAULTS);
    String description = builder.build().describe().toString();

    assertThat(description).contains("relay-denials-by-ip-repartition").doesNotContain("KSTREAM-");
  }
}
