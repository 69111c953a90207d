package io.relaywatch.bench.latency;

import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A {@code read_committed} consumer of the raw-lines topic (the baseline: when the shipper and the
 * broker alone have made a probe's line visible, and how many lines arrive), of the relay-denial
 * aggregates (when Streams has counted a whole burst) and of the compacted alerts topic (when an
 * alert state is written, before the receivers get it): where the time goes, hop by hop.
 */
final class TopicWatcher implements Runnable, AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final ProbeLog log;
  private final AtomicLong rawLines = new AtomicLong();
  private volatile boolean stopped;
  private Thread thread;

  TopicWatcher(String bootstrap, ProbeLog log) {
    this.log = log;
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic :
        List.of(Topics.RAW_LINES.name(), Topics.RELAY_DENIALS.name(), Topics.ALERTS.name())) {
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  TopicWatcher start() {
    thread = new Thread(this, "topic-watcher");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  @Override
  public void run() {
    while (!stopped) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        long now = System.nanoTime();
        if (record.topic().equals(Topics.RAW_LINES.name())) {
          rawLines.incrementAndGet();
          log.rawLineSeen(new String(record.value(), StandardCharsets.UTF_8), now);
        } else if (record.topic().equals(Topics.RELAY_DENIALS.name())) {
          aggregate(record, now);
        } else if (record.value() != null && isFiring(record.value())) {
          log.topicAlert(new String(record.key(), StandardCharsets.UTF_8), now);
        }
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void aggregate(ConsumerRecord<byte[], byte[]> record, long now) {
    String clientIp = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() != null && log.isProbeClient(clientIp)) {
      RelayDenialAggregate aggregate =
          Topics.RELAY_DENIALS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      if (aggregate.count() >= ProbeBurst.DOMAINS) {
        log.aggregateSeen(clientIp, now);
      }
    }
  }

  // The Alert JSON starts with key and status (@JsonPropertyOrder): no need to parse it all.
  private static boolean isFiring(byte[] value) {
    String head = new String(value, 0, Math.min(value.length, 600), StandardCharsets.UTF_8);
    return head.contains("\"status\":\"firing\"") || head.contains("\"status\":\"FIRING\"");
  }

  /** Raw lines seen so far. */
  long rawLines() {
    return rawLines.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    if (thread != null) {
      thread.join(10_000);
    }
  }
}
