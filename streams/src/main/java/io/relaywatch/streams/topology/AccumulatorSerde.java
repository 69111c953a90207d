package io.relaywatch.streams.topology;

import io.relaywatch.events.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The window stores' values ({@link RelayDenialAccumulator}) in binary after a format byte. Each
 * denial reads and rewrites its window's value once per window size, through the record cache,
 * which holds bytes: with JSON that was two parses and two writes per denial.
 *
 * <p>A value that starts with {@code '{'} is read as the JSON an older version stored, so that
 * existing state and changelogs stay readable after an upgrade.
 */
final class AccumulatorSerde implements Serde<RelayDenialAccumulator> {
  private static final int FORMAT = 1;
  private static final JsonSerde<RelayDenialAccumulator> JSON =
      new JsonSerde<>(RelayDenialAccumulator.class);

  @Override
  public Serializer<RelayDenialAccumulator> serializer() {
    return (topic, totals) -> {
      if (totals == null) {
        return null;
      }
      WireWriter out = new WireWriter(512).writeByte(FORMAT);
      totals.writeTo(out);
      return out.toByteArray();
    };
  }

  @Override
  public Deserializer<RelayDenialAccumulator> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length > 0 && bytes[0] == '{') {
        return JSON.deserializer().deserialize(topic, bytes);
      }
      if (bytes.length == 0 || bytes[0] != FORMAT) {
        throw new SerializationException(
            "not a relay-denial accumulator of format " + FORMAT + " (" + bytes.length + " bytes)");
      }
      return RelayDenialAccumulator.readFrom(new WireReader(bytes, 1));
    };
  }
}
