package io.relaywatch.bench.soak;

import io.relaywatch.events.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one catalogue topic from the beginning with {@code read_committed}, without a consumer
 * group, in steps: each {@link #catchUp} reads up to the end offsets (the last stable offsets) seen
 * when it was called, so a verifier can poll until the pipeline has drained.
 */
final class TopicTail<K, V> implements AutoCloseable {
  private final KafkaConsumer<K, V> consumer;
  private final List<TopicPartition> partitions;

  TopicTail(String bootstrap, Topic<K, V> topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    // Reading must never create a topic the pipeline creates with its own settings.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
    partitions =
        infos == null
            ? List.of()
            : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * Reads what is committed up to now, handing each record to {@code sink} in partition order;
   * false if the end was not reached within {@code limit}.
   */
  boolean catchUp(Consumer<ConsumerRecord<K, V>> sink, Duration limit) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
    long deadline = System.nanoTime() + limit.toNanos();
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(500))) {
        sink.accept(record);
      }
    }
    return true;
  }

  /** Whether the topic existed when this tail was made. */
  boolean exists() {
    return !partitions.isEmpty();
  }

  /** Records committed in the topic so far (the sum of the last stable offsets). */
  long committed() {
    return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (TopicPartition p : partitions) {
      if (consumer.position(p, Duration.ofSeconds(30)) < end.get(p)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
