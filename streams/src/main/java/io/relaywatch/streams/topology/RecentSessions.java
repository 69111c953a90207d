package io.relaywatch.streams.topology;

import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * The latest sessions of one client IP, newest first: the value of the {@link #STORE} key-value
 * store that {@code GET /api/clients/{ip}} reads.
 *
 * @param lastSeenMillis stream time of the newest session, for evicting clients gone quiet
 */
public record RecentSessions(List<SessionRecord> sessions, long lastSeenMillis) {
  /** The key-value store, keyed by client IP. */
  public static final String STORE = "recent-sessions";

  /** Sessions kept per client. */
  public static final int LIMIT = 20;

  /**
   * How long a client with no new session stays in the store: a day, like the windows of the
   * aggregates, so that a client's sessions and aggregates leave at about the same time and the
   * store does not grow with every address that ever connected.
   */
  public static final Duration RETENTION = Duration.ofDays(1);

  static final Serde<RecentSessions> SERDE = StoreValueSerde.recentSessions();

  private static final Comparator<SessionRecord> NEWEST_FIRST =
      Comparator.comparing(SessionRecord::end).reversed();

  public RecentSessions {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }

  /** This list with one more session, newest first by end time, at most {@link #LIMIT}. */
  RecentSessions with(SessionRecord session, long timestamp) {
    List<SessionRecord> all = new ArrayList<>(sessions.size() + 1);
    all.addAll(sessions);
    all.add(session);
    all.sort(NEWEST_FIRST);
    return new RecentSessions(
        all.subList(0, Math.min(LIMIT, all.size())), Math.max(lastSeenMillis, timestamp));
  }
}
