package io.relaywatch.streams.topology;

import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where each client IP's latest sessions are kept for {@code GET /api/clients/{ip}}: one session
 * per key {@code <ip>|<slot>} in {@link #STORE}, {@link #LIMIT} slots per client, and per client a
 * {@link SessionSlots} index in {@link #INDEX_STORE} saying which end time each slot holds.
 *
 * <p>One session per key, not one list per client: a list of 20 sessions was read and rewritten
 * (and sent to the changelog, some 6 KB) for every session, an eighth of the stream thread's time.
 * Now a session costs a small index read and two small writes.
 */
public final class RecentSessions {
  /** Sessions by {@code <client IP>|<slot>}. */
  public static final String STORE = "recent-session-slots";

  /** Client IP to its {@link SessionSlots}. */
  static final String INDEX_STORE = "recent-session-index";

  /** Sessions kept per client. */
  public static final int LIMIT = 20;

  /**
   * How long a client with no new session stays in the store: a day, like the windows of the
   * aggregates, so that a client's sessions and aggregates leave at about the same time and the
   * store does not grow with every address that ever connected.
   */
  public static final Duration RETENTION = Duration.ofDays(1);

  static final Serde<SessionRecord> SESSION_SERDE = StoreValueSerde.recentSession();
  static final Serde<SessionSlots> INDEX_SERDE = StoreValueSerde.sessionSlots();

  private static final char SEPARATOR = '|';
  private static final Comparator<SessionRecord> NEWEST_FIRST =
      Comparator.comparing(SessionRecord::end).reversed();

  private RecentSessions() {}

  /** The key of one slot; client IPs and host names never contain the separator. */
  static String slotKey(String client, int slot) {
    return client + SEPARATOR + (slot < 10 ? "0" : "") + slot;
  }

  /** The client's sessions in this store, newest first by end time. */
  public static List<SessionRecord> newestFirst(
      ReadOnlyKeyValueStore<String, SessionRecord> store, String client) {
    String prefix = client + SEPARATOR;
    List<SessionRecord> sessions = new ArrayList<>(LIMIT);
    try (KeyValueIterator<String, SessionRecord> slots =
        store.prefixScan(prefix, new StringSerializer())) {
      while (slots.hasNext()) {
        KeyValue<String, SessionRecord> slot = slots.next();
        // "a|" is also the prefix of another client "a|b"'s keys: only "a|NN" is this client's.
        if (slot.key.length() == prefix.length() + 2 && slot.value != null) {
          sessions.add(slot.value);
        }
      }
    }
    sessions.sort(NEWEST_FIRST);
    return sessions;
  }
}
