package io.relaywatch.ingest.ship;

import io.relaywatch.events.ShipCheckpoint;
import io.relaywatch.events.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a shipper's last committed positions from the compacted checkpoint topic. Read with {@code
 * read_committed} after the producer's {@code initTransactions()}, so that a transaction left open
 * by a killed shipper is resolved first and its positions count only if its lines do.
 */
final class CheckpointStore {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CheckpointStore.class);
  private final Map<String, Object> clientProperties;
  private final Topic<String, ShipCheckpoint> topic;
  private final Duration timeout;

  CheckpointStore(
      Map<String, Object> clientProperties, Topic<String, ShipCheckpoint> topic, Duration timeout) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.topic = topic;
    this.timeout = timeout;
  }

  /** The latest state per source name for this shipper. */
  Map<String, String> load(String shipper) {
    Map<String, String> states = new HashMap<>();
    try (KafkaConsumer<String, ShipCheckpoint> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(), timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Instant deadline = Instant.now().plus(timeout);
      log.debug("reading checkpoints of {} from {} up to {}", shipper, topic.name(), end);
      while (!caughtUp(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new TimeoutException("reading " + topic.name() + " took longer than " + timeout);
        }
        for (ConsumerRecord<String, ShipCheckpoint> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null && shipper.equals(r.value().shipper())) {
            states.put(r.value().source(), r.value().state());
          }
        }
      }
    }
    return states;
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private KafkaConsumer<String, ShipCheckpoint> consumer() {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(
        props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }
}
