package io.relaywatch.events;

import java.util.Objects;
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
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    String key,
    String value,
    boolean compacted) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** A topic of events, kept by time. */
  public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, String key, String value) {
    this(name, keySerde, valueSerde, key, value, false);
  }

  /** The same topic under another name, for deployments that rename topics. */
  public Topic<K, V> withName(String newName) {
    return new Topic<>(newName, keySerde, valueSerde, key, value, compacted);
  }

  @Override
  public String toString() {
    return name;
  }
}
