package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

/**
 * Named pieces keep their state and topics when the topology around them changes; the fold runs
 * where the lines are, with no repartition.
 */
class SessionTopologyNamesTest {
  @Test
  void shouldNameTheStoreAndEveryProcessorWithoutARepartition() {
    String described =
        SessionDriver.topology(
                SessionConfig.defaults(), new StreamsMetrics(new CollectorRegistry()))
            .describe()
            .toString();

    assertThat(described)
        .contains(
            "Processor: correlate-sessions (stores: [open-sessions-by-host])",
            "Processor: sasl-backend-errors-by-host")
        .doesNotContain("repartition")
        .doesNotContainPattern("KSTREAM-|KTABLE-");
  }
}
