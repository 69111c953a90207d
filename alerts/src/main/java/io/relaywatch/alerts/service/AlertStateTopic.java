package io.relaywatch.alerts.service;

import io.relaywatch.events.Alert;
import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted {@code relaywatch.alerts} topic: every alert state is written to it before it is
 * notified, and a starting service reads it to the end to carry on with the alerts that fire.
 */
final class AlertStateTopic implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertStateTopic.class);
  private static final Topic<String, Alert> TOPIC = Topics.ALERTS;

  private final KafkaProducer<String, Alert> producer;

  AlertStateTopic(Map<String, Object> kafka) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    producer =
        new KafkaProducer<>(p, TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());
  }

  /**
   * The latest state of every alert key, read to the end of the topic; undecodable records are
   * skipped (and logged), a tombstone forgets its key.
   */
  static List<Alert> readAll(Map<String, Object> kafka, Duration timeout, BooleanSupplier running) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC.name(), timeout).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Map<String, Alert> latest = new LinkedHashMap<>();
      while (running.getAsBoolean() && !reached(consumer, end)) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          apply(latest, r);
        }
      }
      return new ArrayList<>(latest.values());
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static void apply(Map<String, Alert> latest, ConsumerRecord<String, byte[]> r) {
    if (r.key() == null) {
      return;
    }
    if (r.value() == null) {
      latest.remove(r.key());
      return;
    }
    try {
      latest.put(r.key(), TOPIC.valueSerde().deserializer().deserialize(r.topic(), r.value()));
    } catch (RuntimeException e) {
      LOG.warn("skipping an undecodable alert state at offset {}: {}", r.offset(), e.toString());
    }
  }

  /**
   * Writes the states and waits for the broker: a state is on the topic before any receiver hears
   * of it, so a restart never forgets an alert that was notified.
   *
   * @return how many states could not be written
   */
  int write(List<Alert> alerts) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(alerts.size());
    int failed = 0;
    for (Alert a : alerts) {
      try {
        sent.add(producer.send(new ProducerRecord<>(TOPIC.name(), a.key(), a)));
      } catch (KafkaException e) {
        // No metadata within max.block.ms (broker down): the next re-send writes the state again.
        LOG.error("cannot write an alert state to {}: {}", TOPIC.name(), e.toString());
        failed++;
      }
    }
    producer.flush();
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        LOG.error("cannot write an alert state to {}: {}", TOPIC.name(), e.getCause().toString());
        failed++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return alerts.size();
      }
    }
    return failed;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
