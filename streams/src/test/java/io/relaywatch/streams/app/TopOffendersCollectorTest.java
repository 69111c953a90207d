package io.relaywatch.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.streams.query.StoreDriver;
import io.relaywatch.streams.topology.AggregationConfig;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopOffendersCollectorTest {
  private static final String[] LABELS = {"client_ip", "window"};

  @TempDir Path dir;
  private StoreDriver driver;
  private final CollectorRegistry registry = new CollectorRegistry();
  private final AtomicBoolean running = new AtomicBoolean(true);

  @BeforeEach
  void start() {
    driver =
        new StoreDriver(dir)
            .session("192.0.2.1", "10:01:00", 4)
            .session("192.0.2.2", "10:02:00", 3)
            .session("192.0.2.3", "10:03:00", 1);
    new TopOffendersCollector(
            driver.queries(), AggregationConfig.DEFAULTS.windowSizes(), 2, running::get)
        .register(registry);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private Double value(String ip, String window) {
    return registry.getSampleValue(TopOffendersCollector.NAME, LABELS, new String[] {ip, window});
  }

  @Test
  void shouldExportOnlyTheTopKClientsOfEachWindowSize() {
    assertThat(value("192.0.2.1", "1h")).isEqualTo(4.0);
    assertThat(value("192.0.2.2", "1h")).isEqualTo(3.0);
    assertThat(value("192.0.2.1", "1m")).isEqualTo(4.0);
    assertThat(value("192.0.2.3", "1h")).as("beyond K").isNull();
    assertThat(registry.metricFamilySamples().asIterator())
        .toIterable()
        .filteredOn(f -> f.name.equals(TopOffendersCollector.NAME))
        .singleElement()
        .satisfies(f -> assertThat(f.samples).hasSize(4));
  }

  @Test
  void shouldExportNoRowsWhileTheStoresCannotBeRead() {
    running.set(false);

    assertThat(value("192.0.2.1", "1h")).isNull();
  }
}
