package io.relaywatch.streams.app;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A curated set of Kafka Streams client metrics as Prometheus gauges, summed over threads and tasks
 * so that no label grows with partitions: throughput, commit latency, consumer lag and the records
 * Streams dropped (late beyond the grace period, or unreadable).
 */
final class KafkaStreamsCollector extends Collector {
  private record Curated(String group, String name, String exported, String help) {}

  private static final List<Curated> CURATED =
      List.of(
          new Curated(
              "stream-thread-metrics",
              "process-rate",
              "process_rate",
              "Records processed per second, all threads."),
          new Curated(
              "stream-thread-metrics",
              "process-total",
              "process_records",
              "Records processed, all threads."),
          new Curated(
              "stream-thread-metrics",
              "commit-latency-avg",
              "commit_latency_avg_ms",
              "Average commit latency in ms (mean over threads)."),
          new Curated(
              "stream-task-metrics",
              "dropped-records-total",
              "dropped_records",
              "Records dropped by Streams (late beyond grace, unreadable), all tasks."),
          new Curated(
              "consumer-fetch-manager-metrics",
              "records-lag-max",
              "records_lag_max",
              "Largest lag in records of any input partition."));

  private final Supplier<Map<MetricName, ? extends Metric>> metrics;

  KafkaStreamsCollector(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.metrics = metrics;
  }

  @Override
  public List<MetricFamilySamples> collect() {
    Map<MetricName, ? extends Metric> all = metrics.get();
    List<MetricFamilySamples> out = new ArrayList<>();
    for (Curated c : CURATED) {
      double sum = 0;
      int n = 0;
      for (Map.Entry<MetricName, ? extends Metric> e : all.entrySet()) {
        if (e.getKey().group().equals(c.group())
            && e.getKey().name().equals(c.name())
            && e.getValue().metricValue() instanceof Number value
            && Double.isFinite(value.doubleValue())) {
          sum =
              c.name().equals("records-lag-max")
                  ? Math.max(sum, value.doubleValue())
                  : sum + value.doubleValue();
          n++;
        }
      }
      double value = c.name().endsWith("-avg") && n > 0 ? sum / n : sum;
      out.add(new GaugeMetricFamily("relaywatch_streams_kafka_" + c.exported(), c.help(), value));
    }
    return out;
  }
}
