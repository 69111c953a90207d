package io.relaywatch.ingest.ship;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.relaywatch.ingest.source.SourceStats;
import java.util.HashMap;
import java.util.Map;

/**
 * The shipper's Prometheus metrics, all in one place. The only label is {@code source}, whose
 * values come from the configuration (one per configured file or journald source), so it stays
 * bounded.
 */
final class ShipMetrics {
  private final Counter lines;
  private final Counter bytes;
  private final Gauge lag;
  private final Counter rotations;
  private final Counter truncations;
  private final Counter lostFiles;
  private final Counter oversize;
  private final Counter transactions;
  private final Counter retries;
  private final Counter errors;
  private final Gauge checkpointAge;
  private final Gauge lastCommit;
  private final Gauge kafkaReachable;
  private final Map<String, SourceStats> baselines = new HashMap<>();

  ShipMetrics(CollectorRegistry registry) {
    lines =
        counter(
            registry,
            "relaywatch_ingest_lines_shipped_total",
            "Lines committed to Kafka.",
            "source");
    bytes =
        counter(
            registry,
            "relaywatch_ingest_bytes_shipped_total",
            "Line bytes committed to Kafka.",
            "source");
    lag =
        Gauge.build("relaywatch_ingest_lag_bytes", "Bytes written to a file but not yet shipped.")
            .labelNames("source")
            .register(registry);
    rotations =
        counter(
            registry,
            "relaywatch_ingest_rotations_total",
            "Files rotated away by rename.",
            "source");
    truncations =
        counter(
            registry,
            "relaywatch_ingest_truncations_total",
            "Files truncated in place (copytruncate).",
            "source");
    lostFiles =
        counter(
            registry,
            "relaywatch_ingest_lost_files_total",
            "Checkpointed files not found again after a restart (rotated beyond the compressed"
                + " generations searched, or deleted, while the shipper was down).",
            "source");
    oversize =
        counter(
            registry,
            "relaywatch_ingest_oversize_lines_total",
            "Lines cut at the length limit.",
            "source");
    transactions =
        counter(registry, "relaywatch_ingest_transactions_total", "Kafka transactions committed.");
    retries =
        counter(
            registry,
            "relaywatch_ingest_send_retries_total",
            "Times the shipper reconnected and resent after a Kafka error.");
    errors =
        counter(registry, "relaywatch_ingest_send_errors_total", "Kafka errors, by kind.", "kind");
    checkpointAge =
        Gauge.build(
                "relaywatch_ingest_checkpoint_age_seconds",
                "Seconds since the last committed checkpoint.")
            .register(registry);
    lastCommit =
        Gauge.build(
                "relaywatch_ingest_last_commit_timestamp_seconds",
                "Unix time of the last committed transaction.")
            .register(registry);
    kafkaReachable =
        Gauge.build(
                "relaywatch_ingest_kafka_reachable",
                "1 when the last Kafka operation succeeded, else 0.")
            .register(registry);
  }

  private static Counter counter(
      CollectorRegistry registry, String name, String help, String... labels) {
    return Counter.build(name, help).labelNames(labels).register(registry);
  }

  void committed(String source, long lineCount, long byteCount) {
    lines.labels(source).inc(lineCount);
    bytes.labels(source).inc(byteCount);
  }

  void transactionCommitted(long epochMillis) {
    transactions.inc();
    lastCommit.set(epochMillis / 1000.0);
    checkpointAge.set(0);
    kafkaReachable.set(1);
  }

  void refreshCheckpointAge(long nowMillis) {
    double last = lastCommit.get();
    if (last > 0) {
      checkpointAge.set(Math.max(0, nowMillis / 1000.0 - last));
    }
  }

  /** Source counters restart at zero when a source is reopened; metrics must not go backwards. */
  void sourceOpened(String source) {
    baselines.put(source, SourceStats.NONE);
  }

  void sourceStats(String source, SourceStats now) {
    SourceStats before = baselines.getOrDefault(source, SourceStats.NONE);
    rotations.labels(source).inc(Math.max(0, now.rotations() - before.rotations()));
    truncations.labels(source).inc(Math.max(0, now.truncations() - before.truncations()));
    oversize.labels(source).inc(Math.max(0, now.oversizeLines() - before.oversizeLines()));
    lostFiles.labels(source).inc(Math.max(0, now.lostFiles() - before.lostFiles()));
    lag.labels(source).set(now.lagBytes());
    baselines.put(source, now);
  }

  void kafkaError(String kind) {
    errors.labels(kind).inc();
    kafkaReachable.set(0);
  }

  void kafkaReachable(boolean reachable) {
    kafkaReachable.set(reachable ? 1 : 0);
  }

  void retry() {
    retries.inc();
  }

  boolean kafkaReachable() {
    return kafkaReachable.get() > 0;
  }

  double checkpointAgeSeconds() {
    return checkpointAge.get();
  }
}
