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
import java.util.LinkedHashMap;
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
  // Bounds how long read_committed consumers wait for a backlog's lines, whatever ship.batchBytes.
  private static final long MAX_TRANSACTION_MILLIS = 1000;

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
      if (!shipTransaction(sources, running)) {
        if (sources.stream().allMatch(LineSource::exhausted)) {
          return true;
        }
        metrics.refreshCheckpointAge(clock.millis());
        idle.run();
      }
    }
    return false;
  }

  /**
   * One transaction: polls the sources again and again, sending each poll's lines at once, until
   * {@code ship.batchBytes} were sent, a second has passed, or the sources have nothing more; then
   * each source's position after its last poll, and the commit. Lines are not kept once sent, so
   * the heap holds one poll, not one transaction, and a backlog can go in few, large transactions
   * (each commit waits for every send before it). Returns false when the first poll found nothing.
   */
  private boolean shipTransaction(List<LineSource> sources, BooleanSupplier running)
      throws IOException {
    Map<String, Shipped> shipped = new LinkedHashMap<>();
    long bytes = 0;
    long deadline = clock.millis() + MAX_TRANSACTION_MILLIS;
    do {
      List<Polled> polled;
      try {
        polled = poll(sources);
      } catch (IOException e) {
        if (shipped.isEmpty()) {
          throw e;
        }
        break; // commit what was read before it; the next poll meets the error again
      }
      if (polled.isEmpty()) {
        break;
      }
      if (shipped.isEmpty()) {
        producer.beginTransaction();
      }
      for (Polled p : polled) {
        long sent = send(p);
        shipped.computeIfAbsent(p.source(), s -> new Shipped()).add(p, sent);
        bytes += sent;
      }
    } while (bytes < config.batchBytes() && clock.millis() < deadline && running.getAsBoolean());
    if (shipped.isEmpty()) {
      return false;
    }
    shipped.forEach((source, s) -> sendCheckpoint(source, s.checkpoint));
    producer.commitTransaction();
    metrics.transactionCommitted(clock.millis());
    shipped.forEach((source, s) -> metrics.committed(source, s.lines, s.bytes));
    return true;
  }

  /**
   * A source with no committed position gets its starting position committed before any line is
   * read: otherwise a shipper killed (or failing) before its first commit starts afresh, at the
   * current file only, and loses a file rotated away meanwhile (found by bench/soak.sh).
   */
  private void commitStartingPositions(List<LineSource> sources, Map<String, String> committed) {
    Map<String, byte[]> starting = new LinkedHashMap<>();
    for (LineSource source : sources) {
      byte[] checkpoint = source.checkpoint();
      if (!committed.containsKey(source.name()) && checkpoint != null && checkpoint.length > 0) {
        starting.put(source.name(), checkpoint);
      }
    }
    if (starting.isEmpty()) {
      return;
    }
    producer.beginTransaction();
    starting.forEach(this::sendCheckpoint);
    producer.commitTransaction();
    metrics.transactionCommitted(clock.millis());
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

  /** Sends the lines and returns their bytes, counted here since the lines are at hand. */
  private long send(Polled polled) {
    Header source = records.sourceHeader(polled.source());
    long bytes = 0;
    for (SourceLine line : polled.lines()) {
      producer.send(records.line(source, line));
      bytes += line.bytes().length;
    }
    return bytes;
  }

  private void sendCheckpoint(String source, byte[] checkpoint) {
    if (checkpoint != null) {
      producer.send(checkpointRecord(source, checkpoint));
    }
  }

  private ProducerRecord<byte[], byte[]> checkpointRecord(String source, byte[] state) {
    ShipCheckpoint checkpoint =
        new ShipCheckpoint(
            ShipCheckpoint.CURRENT_VERSION,
            config.id(),
            source,
            new String(state, StandardCharsets.UTF_8));
    byte[] value =
        Topics.SHIP_CHECKPOINTS
            .valueSerde()
            .serializer()
            .serialize(config.checkpointTopic(), checkpoint);
    return new ProducerRecord<>(
        config.checkpointTopic(),
        ShipCheckpoint.key(config.id(), source).getBytes(StandardCharsets.UTF_8),
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

  /** What one transaction shipped from one source, and the source's position after it. */
  private static final class Shipped {
    long lines;
    long bytes;
    byte[] checkpoint;

    void add(Polled polled, long sentBytes) {
      lines += polled.lines().size();
      bytes += sentBytes;
      checkpoint = polled.checkpoint();
    }
  }

  private record Polled(String source, List<SourceLine> lines, byte[] checkpoint) {}
}
