package io.relaywatch.events;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde for one record type, written as JSON by {@link Json}. */
public final class JsonSerde<T> implements Serde<T> {
  private final Class<T> type;
  private final ObjectWriter writer;
  private final ObjectReader reader;

  public JsonSerde(Class<T> type) {
    this.type = type;
    this.writer = Json.mapper().writerFor(type);
    this.reader = Json.mapper().readerFor(type);
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : write(topic, value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
  }

  private byte[] write(String topic, T value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new SerializationException(
          "cannot write " + type.getSimpleName() + " for topic " + topic, e);
    }
  }

  private T read(String topic, byte[] bytes) {
    try {
      return reader.readValue(bytes);
    } catch (IOException e) {
      throw new SerializationException(
          "topic " + topic + ": " + bytes.length + " bytes are not a " + type.getSimpleName(), e);
    }
  }
}
