package io.relaywatch.streams.app;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.relaywatch.streams.query.LocalQueries;
import io.relaywatch.streams.query.Offender;
import io.relaywatch.streams.topology.AggregationConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code relaywatch_streams_top_offender_relay_denials{client_ip,window}}: this instance's top K
 * clients by relay denials in their most recent window of each size, read from the local stores at
 * scrape time. The only metric that carries a client IP, bounded at K per window size; each
 * instance exports its own local top K (sum or topk() across instances in PromQL).
 */
final class TopOffendersCollector extends Collector {
  static final String NAME = "relaywatch_streams_top_offender_relay_denials";

  private final LocalQueries queries;
  private final List<Duration> windowSizes;
  private final int k;
  private final BooleanSupplier running;

  TopOffendersCollector(
      LocalQueries queries, List<Duration> windowSizes, int k, BooleanSupplier running) {
    this.queries = queries;
    this.windowSizes = List.copyOf(windowSizes);
    this.k = k;
    this.running = running;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    GaugeMetricFamily family =
        new GaugeMetricFamily(
            NAME,
            "Relay denials of this instance's top clients in their most recent window.",
            List.of("client_ip", "window"));
    // While a rebalance or restore is under way the stores cannot be read: export no rows, not
    // stale or partial ones.
    if (running.getAsBoolean()) {
      try {
        for (Duration size : windowSizes) {
          String window = AggregationConfig.label(size);
          for (Offender o : queries.topOffenders(size, k)) {
            family.addMetric(List.of(o.clientIp(), window), o.count());
          }
        }
      } catch (InvalidStateStoreException e) {
        family.samples.clear();
      }
    }
    return List.of(family);
  }
}
