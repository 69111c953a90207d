package io.relaywatch.ingest.ship;

import io.relaywatch.events.ShipCheckpoint;
import io.relaywatch.events.Topics;
import io.relaywatch.ingest.source.LineSource;
import io.relaywatch.ingest.source.SourceLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One producer's life: {@code initTransactions()}, reload the committed positions, then one
 * transaction per batch until a failure ends it. The next session starts from the committed state,
 * so a batch whose commit failed (or whose outcome is unknown) is neither lost nor duplicated.
 */
final class ShipSession implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ShipSession.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final ShipConfig config;
  private final Shipper.SourceFactory factory;
  private final ShipMetrics metrics;
  private final Clock clock;
  private final KafkaProducer<byte[], byte[]> producer;
  private final RawLineRecords records;

  ShipSession(ShipConfig config, Shipper.SourceFactory factory, ShipMetrics metrics, Clock clock) {
    this.config = config;
    this.factory = factory;
    this.metrics = metrics;
    this.clock = clock;
    this.producer =
        new KafkaProducer<>(
            producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer());
    this.records = new RawLineRecords(config.topic(), config.host());
  }

  /** Ships until stopped or the sources are exhausted (returns true), or throws on failure. */
  boolean run(BooleanSupplier running, Runnable idle) throws IOException {
    producer.initTransactions();
    Map<String, String> committed =
        new CheckpointStore(
                config.kafka(),
                Topics.SHIP_CHECKPOINTS.withName(config.checkpointTopic()),
                config.kafkaTimeout())
            .load(config.id());
    metrics.kafkaReachable(true);
    log.info(
        "shipper {}: resuming from committed positions of {}", config.id(), committed.keySet());
    List<LineSource> sources = factory.open(committed);
    sources.forEach(s -> metrics.sourceOpened(s.name()));
    commitStartingPositions(sources, committed);
    while (running.getAsBoolean()) {
      List<Polled> batch = poll(sources);
      if (batch.isEmpty()) {
        if (sources.stream().allMatch(LineSource::exhausted)) {
          return true;
        }
        metrics.refreshCheckpointAge(clock.millis());
        idle.run();
        continue;
      }
      ship(batch);
    }
    return false;
  }

  /**
   * A source with no committed position gets its starting position committed before any line is
   * read: otherwise a shipper killed (or failing) before its first commit starts afresh, at the
   * current file only, and loses a file rotated away meanwhile (found by bench/soak.sh).
   */
  private void commitStartingPositions(List<LineSource> sources, Map<String, String> committed) {
    List<Polled> starting = new ArrayList<>();
    for (LineSource source : sources) {
      byte[] checkpoint = source.checkpoint();
      if (!committed.containsKey(source.name()) && checkpoint != null && checkpoint.length > 0) {
        starting.add(new Polled(source.name(), List.of(), checkpoint));
      }
    }
    if (!starting.isEmpty()) {
      ship(starting);
    }
  }

  private List<Polled> poll(List<LineSource> sources) throws IOException {
    List<Polled> batch = new ArrayList<>();
    for (LineSource source : sources) {
      List<SourceLine> lines = source.poll();
      metrics.sourceStats(source.name(), source.stats());
      if (!lines.isEmpty()) {
        batch.add(new Polled(source.name(), lines, source.checkpoint()));
      }
    }
    return batch;
  }

  private void ship(List<Polled> batch) {
    producer.beginTransaction();
    for (Polled polled : batch) {
      Header source = records.sourceHeader(polled.source());
      for (SourceLine line : polled.lines()) {
        producer.send(records.line(source, line));
      }
      if (polled.checkpoint() != null) {
        producer.send(checkpointRecord(polled));
      }
    }
    producer.commitTransaction();
    metrics.transactionCommitted(clock.millis());
    for (Polled polled : batch) {
      metrics.committed(polled.source(), polled.lines().size(), polled.bytes());
    }
  }

  private ProducerRecord<byte[], byte[]> checkpointRecord(Polled polled) {
    ShipCheckpoint checkpoint =
        new ShipCheckpoint(
            ShipCheckpoint.CURRENT_VERSION,
            config.id(),
            polled.source(),
            new String(polled.checkpoint(), StandardCharsets.UTF_8));
    byte[] value =
        Topics.SHIP_CHECKPOINTS
            .valueSerde()
            .serializer()
            .serialize(config.checkpointTopic(), checkpoint);
    return new ProducerRecord<>(
        config.checkpointTopic(),
        ShipCheckpoint.key(config.id(), polled.source()).getBytes(StandardCharsets.UTF_8),
        value);
  }

  static Properties producerProperties(ShipConfig config) {
    Properties p = new Properties();
    // Tuned for logs: small records in large compressed batches; overridable by KAFKA_* variables.
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.kafkaTimeout().toMillis()));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "relaywatch-ship-" + config.id());
    p.putAll(config.kafka());
    // Not overridable: exactly-once rests on a stable transactional id per shipper.
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "relaywatch-ship-" + config.id());
    return p;
  }

  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }

  private record Polled(String source, List<SourceLine> lines, byte[] checkpoint) {
    long bytes() {
      long n = 0;
      for (SourceLine line : lines) {
        n += line.bytes().length;
      }
      return n;
    }
  }
}
