package io.relaywatch.kafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a test's topic holds, committed records only ({@code read_committed}), in partition
 * order. The topic may not exist yet: it is assigned once it does.
 */
public final class TopicContents implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
  private final String topic;

  public TopicContents(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
  }

  /** The shipper creates its topic when it starts: assign once the topic exists. */
  private boolean assigned() {
    if (!consumer.assignment().isEmpty()) {
      return true;
    }
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    if (partitions.isEmpty()) {
      return false;
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return true;
  }

  /** A reader of {@code topic} on the shared {@link KafkaFixture} broker. */
  public static TopicContents of(String topic) {
    return new TopicContents(KafkaFixture.bootstrapServers(), topic);
  }

  /** Everything read so far, after reading what has arrived since the last call. */
  public List<ConsumerRecord<String, byte[]>> read() {
    if (!assigned()) {
      return records;
    }
    // Drain what has arrived: one poll returns at most max.poll.records.
    int before;
    do {
      before = records.size();
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    } while (records.size() > before);
    return records;
  }

  /** The values read so far as UTF-8 text. */
  public List<String> values() {
    return read().stream()
        .map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
        .toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
