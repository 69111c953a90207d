package io.relaywatch.streams.topology;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Joins the lines of each Postfix smtpd process into {@link SessionRecord}s: the one implementation
 * of session correlation. The Streams processor ({@link CorrelateSessions}) keeps open sessions in
 * its state store; {@code relaywatch diagnose} uses {@link #inMemory}. Both feed it every event of
 * the log in order and close quiet sessions on the same event-time clocks, one per mail host
 * ({@link HostClocks}), so both reach the same sessions.
 *
 * <p>A session closes when its disconnect summary arrives, when its process logs a line for another
 * client, or when it has been quiet for {@link SessionConfig#timeout()} of its mail host's log time
 * (the latest event time seen of that host). Not thread-safe.
 */
public final class SessionJoin {
  /** Told about every session that closes. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param session the finished session
     * @param recordTime its last line's event time in epoch milliseconds
     */
    void closed(SessionRecord session, long recordTime);
  }

  private final SessionConfig config;

  /** Open sessions, keyed by {@code host|program|pid}. */
  private final OpenItems<OpenSession> open;

  private final Sink sink;

  private final HostClocks clocks;

  SessionJoin(SessionConfig config, OpenItems<OpenSession> open, Sink sink) {
    this.config = config;
    this.open = open;
    this.sink = sink;
    this.clocks = new HostClocks(config.scanInterval());
  }

  /**
   * A join that keeps open sessions in memory, for reading a log without Kafka. When more than
   * {@code maxOpen} sessions are open at once, the quieter half is closed early as {@code timeout}
   * (counted by {@link #evicted()}), so that a log of forged process ids cannot exhaust the heap.
   */
  public static SessionJoin inMemory(SessionConfig config, int maxOpen, Sink sink) {
    return new SessionJoin(
        config,
        new MemoryItems<OpenSession>(maxOpen, OpenSession::lastSeenMillis, timedOut(sink)),
        sink);
  }

  /**
   * A join that keeps open sessions in a Streams state store, bounded like {@link #inMemory} by
   * {@link StateStoreItems#MAX_OPEN}.
   */
  static SessionJoin inStore(
      SessionConfig config, KeyValueStore<String, OpenSession> store, Sink sink) {
    return new SessionJoin(
        config,
        new StateStoreItems<>(
            store, OpenSession::lastSeenMillis, StateStoreItems.MAX_OPEN, timedOut(sink)),
        sink);
  }

  private static Consumer<OpenSession> timedOut(Sink sink) {
    return session ->
        sink.closed(session.close(SessionClose.TIMEOUT, null), session.lastSeenMillis());
  }

  /**
   * Feeds one event of the log, in log order. Every event moves stream time (the latest event time
   * seen); when that passes the next scan interval, quiet sessions are closed first (aligned to
   * multiples of {@link SessionConfig#scanInterval()}, first on the first event), so a line that
   * comes after its session was quiet for the timeout starts a new session. Then the event is
   * folded in, unless it is not a Postfix smtpd session line.
   */
  public void accept(MailEvent event) {
    accept(event, clocks.recordTime(event));
  }

  /** Feeds one event of the log at its record time (the topology's, already its event time). */
  void accept(MailEvent event, long recordTime) {
    clocks.advance(event.host(), recordTime, this::closeQuiet);
    if (joins(event)) {
      process(SessionCorrelation.processKey(event), event, recordTime);
    }
  }

  /**
   * Closes every session still open, as {@code timeout}, quietest first: at the end of a log the
   * disconnect lines that are missing will not come.
   */
  public void flush() {
    List<Map.Entry<String, OpenSession>> all = open.quietSince(Long.MAX_VALUE);
    all.stream()
        .sorted(Map.Entry.comparingByValue(OpenSession.QUIETEST_FIRST))
        .forEach(kv -> close(kv.getKey(), kv.getValue(), SessionClose.TIMEOUT));
  }

  /**
   * Whether the event is a line of a Postfix smtpd session, which the join folds into a session
   * record (other lines only move its clock).
   */
  public static boolean joins(MailEvent event) {
    return SessionCorrelation.correlates(event);
  }

  /** Sessions closed early because too many were open at once. */
  public long evicted() {
    if (open instanceof MemoryItems<?> memory) {
      return memory.evicted();
    }
    return open instanceof StateStoreItems<?> stored ? stored.evicted() : 0;
  }

  /** Folds one line of the process {@code key} into its session, closing what it ends. */
  void process(String key, MailEvent event, long recordTime) {
    OpenSession session = open.get(key);
    if (session != null && !session.sameClient(event)) {
      // The process moved on to another client: the previous session's disconnect was lost.
      boolean quiet = recordTime - session.lastSeenMillis() >= config.timeout().toMillis();
      emit(session.close(quiet ? SessionClose.TIMEOUT : SessionClose.SUPERSEDED, null), session);
      session = null;
    }
    if (session == null) {
      session = OpenSession.startedBy(event, recordTime);
    }
    session.add(event, recordTime);
    if (event.type() == EventType.SESSION_END) {
      emit(session.close(SessionClose.DISCONNECT, event.commands()), session);
      open.delete(key);
    } else {
      open.put(key, session);
    }
  }

  /** Closes the sessions quiet for the timeout at {@code streamTime}. */
  void closeQuiet(String keyPrefix, long streamTime) {
    long cutoff = streamTime - config.timeout().toMillis();
    for (Map.Entry<String, OpenSession> kv : open.quietSince(keyPrefix, cutoff)) {
      close(kv.getKey(), kv.getValue(), SessionClose.TIMEOUT);
    }
  }

  private void close(String key, OpenSession session, SessionClose closedBy) {
    emit(session.close(closedBy, null), session);
    open.delete(key);
  }

  private void emit(SessionRecord record, OpenSession session) {
    sink.closed(record, session.lastSeenMillis());
  }
}
