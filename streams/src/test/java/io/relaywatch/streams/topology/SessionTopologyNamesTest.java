package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Named pieces keep their state and topics when the topology around them changes. */
class SessionTopologyNamesTest {
  @Test
  void shouldNameTheRepartitionTheStoreAndEveryProcessor() {
    String described = SessionDriver.topology(SessionConfig.defaults()).describe().toString();

    assertThat(described)
        .contains(
            "Sink: sessions-by-process-repartition-sink (topic: sessions-by-process-repartition)",
            "Processor: correlate-sessions (stores: [open-sessions])",
            "Processor: session-lines",
            "Processor: key-by-process",
            "Processor: sasl-backend-errors-by-host")
        .doesNotContainPattern("KSTREAM-|KTABLE-");
  }
}
