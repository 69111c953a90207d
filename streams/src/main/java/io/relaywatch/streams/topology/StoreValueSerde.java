package io.relaywatch.streams.topology;

import io.relaywatch.events.JsonSerde;
import io.relaywatch.events.SessionRecord;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * State store values in binary after a format byte: the folds' open items ({@link OpenSession},
 * {@link OpenMessage}), the relay-denial windows ({@link RelayDenialAccumulator}) and each client's
 * recent sessions ({@link RecentSessions}). Every line that touches one rewrites it, and writing it as JSON (dates
 * formatted, raw lines escaped) was a large part of the stream thread's time (docs/benchmarks.md).
 *
 * <p>A value that starts with {@code '{'} is read as the JSON an older version stored, so that open
 * items and changelogs stay readable after an upgrade.
 */
final class StoreValueSerde<T> implements Serde<T> {
  private static final int FORMAT = 1;

  private final JsonSerde<T> json;
  private final BiConsumer<T, WireWriter> write;
  private final Function<WireReader, T> read;

  StoreValueSerde(Class<T> type, BiConsumer<T, WireWriter> write, Function<WireReader, T> read) {
    this.json = new JsonSerde<>(type);
    this.write = write;
    this.read = read;
  }

  static StoreValueSerde<OpenSession> sessions() {
    return new StoreValueSerde<>(OpenSession.class, OpenSession::writeTo, OpenSession::readFrom);
  }

  static StoreValueSerde<OpenMessage> messages() {
    return new StoreValueSerde<>(OpenMessage.class, OpenMessage::writeTo, OpenMessage::readFrom);
  }

  /**
   * The window stores' values. Each denial reads and rewrites its window's value once per window
   * size, through the record cache, which holds bytes: with JSON that was two parses and two writes
   * per denial.
   */
  static StoreValueSerde<RelayDenialAccumulator> accumulators() {
    return new StoreValueSerde<>(
        RelayDenialAccumulator.class,
        RelayDenialAccumulator::writeTo,
        RelayDenialAccumulator::readFrom);
  }

  static StoreValueSerde<SessionRecord> recentSession() {
    return new StoreValueSerde<>(
        SessionRecord.class, RecentSessionsWire::writeSession, RecentSessionsWire::readSession);
  }

  static StoreValueSerde<SessionSlots> sessionSlots() {
    return new StoreValueSerde<>(SessionSlots.class, SessionSlots::writeTo, SessionSlots::readFrom);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      WireWriter out = new WireWriter(256).writeByte(FORMAT);
      write.accept(value, out);
      return out.toByteArray();
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length > 0 && bytes[0] == '{') {
        return json.deserializer().deserialize(topic, bytes);
      }
      if (bytes.length == 0 || bytes[0] != FORMAT) {
        throw new SerializationException(
            "not a "
                + json.type().getSimpleName()
                + " of format "
                + FORMAT
                + " ("
                + bytes.length
                + " bytes)");
      }
      return read.apply(new WireReader(bytes, 1));
    };
  }
}
