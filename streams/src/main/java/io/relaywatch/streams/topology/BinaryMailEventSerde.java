package io.relaywatch.streams.topology;

import io.relaywatch.events.CommandCount;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link MailEvent} for the application's own repartition topics, which nobody else reads: every
 * field in record order, binary ({@link WireWriter}), after a format byte. No field names, no date
 * formatting or parsing: Jackson's JSON writing and reading was a fifth of the stream thread's
 * samples (docs/benchmarks.md). {@code relaywatch.events} stays JSON: it is the wire contract.
 *
 * <p>A record that starts with {@code '{'} is read as JSON, so that records an older version left in
 * a repartition topic are still read after an upgrade.
 */
public final class BinaryMailEventSerde implements Serde<MailEvent> {
  private static final int FORMAT = 1;
  private static final int JSON_START = '{';

  @Override
  public Serializer<MailEvent> serializer() {
    return (topic, event) -> event == null ? null : encode(event);
  }

  @Override
  public Deserializer<MailEvent> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length > 0 && bytes[0] == JSON_START) {
        return Topics.EVENTS.valueSerde().deserializer().deserialize(topic, bytes);
      }
      return decode(bytes);
    };
  }

  static byte[] encode(MailEvent e) {
    WireWriter out = new WireWriter(64 + 2 * e.raw().length());
    out.writeByte(FORMAT)
        .writeEnum(e.type())
        .writeTime(e.timestamp())
        .writeString(e.host())
        .writeString(e.program())
        .writeNullableInt(e.pid())
        .writeEnum(e.mta())
        .writeString(e.instance())
        .writeString(e.service())
        .writeString(e.queueId())
        .writeEnum(e.action())
        .writeString(e.stage())
        .writeString(e.clientHost())
        .writeString(e.clientIp())
        .writeNullableInt(e.clientPort())
        .writeNullableInt(e.smtpCode())
        .writeString(e.enhancedCode())
        .writeEnum(e.reason())
        .writeString(e.message())
        .writeString(e.sender())
        .writeString(e.recipient())
        .writeString(e.recipientDomain())
        .writeString(e.helo())
        .writeString(e.proto())
        .writeString(e.saslMethod())
        .writeString(e.saslUsername());
    writeCommands(out, e.commands());
    return out.writeString(e.raw()).toByteArray();
  }

  static MailEvent decode(byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != FORMAT) {
      throw new SerializationException(
          "not a binary MailEvent of format " + FORMAT + " (" + bytes.length + " bytes)");
    }
    WireReader in = new WireReader(bytes, 1);
    return new MailEvent(
        in.readEnum(EventType.class),
        in.readTime(),
        in.readString(),
        in.readString(),
        in.readNullableInt(),
        in.readEnum(Mta.class),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readEnum(RejectAction.class),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readNullableInt(),
        in.readNullableInt(),
        in.readString(),
        in.readEnum(RejectReason.class),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readString(),
        readCommands(in),
        in.readString());
  }

  // Count + 1, 0 for null; then name, ok, total per command, in the map's order.
  static void writeCommands(WireWriter out, Map<String, CommandCount> commands) {
    if (commands == null) {
      out.writeInt(0);
      return;
    }
    out.writeInt(commands.size() + 1);
    commands.forEach(
        (name, count) -> out.writeString(name).writeInt(count.ok()).writeInt(count.total()));
  }

  static Map<String, CommandCount> readCommands(WireReader in) {
    int prefixed = in.readInt();
    if (prefixed == 0) {
      return null;
    }
    Map<String, CommandCount> commands = new LinkedHashMap<>();
    for (int i = 0; i < prefixed - 1; i++) {
      commands.put(in.readString(), new CommandCount(in.readInt(), in.readInt()));
    }
    return commands;
  }
}
