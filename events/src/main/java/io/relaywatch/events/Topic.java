package io.relaywatch.events;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values, so that code never spells a topic name or
 * picks a serde on its own.
 *
 * @param name the topic name
 * @param keySerde how keys are written
 * @param valueSerde how values are written
 * @param key one line saying what a key is
 * @param value one line saying what a value is
 * @param compacted whether the topic keeps only the latest value per key (state, not a log)
 * @param forgetAfter for a compacted topic, how long a key not written again is kept (Kafka's
 *     {@code compact,delete}); null keeps every key for ever
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    String key,
    String value,
    boolean compacted,
    Duration forgetAfter) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (forgetAfter != null && !compacted) {
      throw new IllegalArgumentException(name + ": only a compacted topic forgets keys");
    }
  }

  /** A compacted topic that keeps every key, or a topic of events kept by time. */
  public Topic(
      String name,
      Serde<K> keySerde,
      Serde<V> valueSerde,
      String key,
      String value,
      boolean compacted) {
    this(name, keySerde, valueSerde, key, value, compacted, null);
  }

  /** A topic of events, kept by time. */
  public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, String key, String value) {
    this(name, keySerde, valueSerde, key, value, false, null);
  }

  /** The same topic under another name, for deployments that rename topics. */
  public Topic<K, V> withName(String newName) {
    return new Topic<>(newName, keySerde, valueSerde, key, value, compacted, forgetAfter);
  }

  /** Kafka's {@code cleanup.policy} for this topic. */
  public String cleanupPolicy() {
    if (!compacted) {
      return TopicConfig.CLEANUP_POLICY_DELETE;
    }
    return forgetAfter == null
        ? TopicConfig.CLEANUP_POLICY_COMPACT
        : TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE;
  }

  @Override
  public String toString() {
    return name;
  }
}
