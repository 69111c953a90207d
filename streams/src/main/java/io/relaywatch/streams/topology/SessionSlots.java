package io.relaywatch.streams.topology;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One client's index into {@link RecentSessions#STORE}: the end time of the session in each slot
 * and the stream time of the client's newest session, for eviction. Immutable.
 */
final class SessionSlots {
  private static final long EMPTY = Long.MIN_VALUE;

  private final long lastSeenMillis;
  private final long[] ends;

  private SessionSlots(long lastSeenMillis, long[] ends) {
    this.lastSeenMillis = lastSeenMillis;
    this.ends = ends;
  }

  static SessionSlots empty() {
    long[] ends = new long[RecentSessions.LIMIT];
    Arrays.fill(ends, EMPTY);
    return new SessionSlots(Long.MIN_VALUE, ends);
  }

  long lastSeenMillis() {
    return lastSeenMillis;
  }

  /**
   * The slot a session ending at {@code endMillis} goes to: an empty one, else the one holding the
   * oldest end if this session ended later; -1 when the client's {@link RecentSessions#LIMIT}
   * sessions all ended at or after it, so that the newest sessions by end time are kept.
   */
  int slotFor(long endMillis) {
    int oldest = 0;
    for (int slot = 0; slot < ends.length; slot++) {
      if (ends[slot] == EMPTY) {
        return slot;
      }
      if (ends[slot] < ends[oldest]) {
        oldest = slot;
      }
    }
    return ends[oldest] < endMillis ? oldest : -1;
  }

  /** This index with a session ending at {@code endMillis} in {@code slot} (none if -1). */
  SessionSlots with(int slot, long endMillis, long seenMillis) {
    long[] next = ends;
    if (slot >= 0) {
      next = ends.clone();
      next[slot] = endMillis;
    }
    return new SessionSlots(Math.max(lastSeenMillis, seenMillis), next);
  }

  /** Whether the slot holds a session. */
  boolean used(int slot) {
    return ends[slot] != EMPTY;
  }

  void writeTo(WireWriter out) {
    out.writeLong(lastSeenMillis).writeInt(ends.length);
    for (long end : ends) {
      out.writeLong(end);
    }
  }

  static SessionSlots readFrom(WireReader in) {
    long lastSeen = in.readLong();
    int count = in.readInt();
    if (count != RecentSessions.LIMIT) {
      throw new SerializationException(
          "session index of " + count + " slots, expected " + RecentSessions.LIMIT);
    }
    long[] ends = new long[count];
    for (int i = 0; i < count; i++) {
      ends[i] = in.readLong();
    }
    return new SessionSlots(lastSeen, ends);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionSlots other
        && lastSeenMillis == other.lastSeenMillis
        && Arrays.equals(ends, other.ends);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(lastSeenMillis) + Arrays.hashCode(ends);
  }

  @Override
  public String toString() {
    return "SessionSlots[lastSeen=" + lastSeenMillis + ", ends=" + Arrays.toString(ends) + "]";
  }
}
