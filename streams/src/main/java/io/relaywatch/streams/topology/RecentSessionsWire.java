package io.relaywatch.streams.topology;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RecentSessions#STORE} values in binary, for {@link StoreValueSerde#recentSessions()}.
 * Every session read and rewrote its client's 20 newest sessions as JSON, with two dates each to
 * format and parse.
 */
final class RecentSessionsWire {
  private RecentSessionsWire() {}

  static void write(RecentSessions recent, WireWriter out) {
    out.writeLong(recent.lastSeenMillis()).writeInt(recent.sessions().size());
    recent.sessions().forEach(session -> writeSession(out, session));
  }

  static RecentSessions read(WireReader in) {
    long lastSeen = in.readLong();
    int count = in.readInt();
    List<SessionRecord> sessions = new ArrayList<>(Math.min(count, RecentSessions.LIMIT));
    for (int i = 0; i < count; i++) {
      sessions.add(readSession(in));
    }
    return new RecentSessions(sessions, lastSeen);
  }

  private static void writeSession(WireWriter out, SessionRecord s) {
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

  private static SessionRecord readSession(WireReader in) {
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
