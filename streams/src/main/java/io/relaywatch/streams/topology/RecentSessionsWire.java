package io.relaywatch.streams.topology;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link RecentSessions#STORE} values in binary, for {@link StoreValueSerde#recentSession()}:
 * JSON had two dates per session to format and parse.
 */
final class RecentSessionsWire {
  private RecentSessionsWire() {}

  static void writeSession(SessionRecord s, WireWriter out) {
    out.writeString(s.host())
        .writeString(s.program())
        .writeNullableInt(s.pid())
        .writeString(s.service())
        .writeString(s.clientIp())
        .writeString(s.clientHost())
        .writeTime(s.start())
        .writeTime(s.end())
        .writeEnum(s.closedBy())
        .writeEnum(s.authOutcome())
        .writeString(s.saslUsername())
        .writeInt(s.authAttempts())
        .writeInt(s.authFailures());
    if (s.failedUsernames() == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1).writeStrings(s.failedUsernames());
    }
    writeRejects(out, s.rejects());
    out.writeByte(s.relayDenied() ? 1 : 0);
    BinaryMailEventSerde.writeCommands(out, s.commands());
  }

  static SessionRecord readSession(WireReader in) {
    return new SessionRecord(
        in.readString(),
        in.readString(),
        in.readNullableInt(),
        in.readString(),
        in.readString(),
        in.readString(),
        in.readTime(),
        in.readTime(),
        in.readEnum(SessionClose.class),
        in.readEnum(AuthOutcome.class),
        in.readString(),
        in.readInt(),
        in.readInt(),
        in.readByte() == 0 ? null : in.readStrings(),
        readRejects(in),
        in.readByte() == 1,
        BinaryMailEventSerde.readCommands(in));
  }

  // Count + 1, 0 for null; then reason and count per entry.
  private static void writeRejects(WireWriter out, Map<RejectReason, Integer> rejects) {
    if (rejects == null) {
      out.writeInt(0);
      return;
    }
    out.writeInt(rejects.size() + 1);
    rejects.forEach((reason, n) -> out.writeEnum(reason).writeNullableInt(n));
  }

  private static Map<RejectReason, Integer> readRejects(WireReader in) {
    int prefixed = in.readInt();
    if (prefixed == 0) {
      return null;
    }
    Map<RejectReason, Integer> rejects = new EnumMap<>(RejectReason.class);
    for (int i = 0; i < prefixed - 1; i++) {
      rejects.put(in.readEnum(RejectReason.class), in.readNullableInt());
    }
    return rejects;
  }
}
