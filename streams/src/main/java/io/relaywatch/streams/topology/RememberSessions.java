package io.relaywatch.streams.topology;

import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the last {@link RecentSessions#LIMIT} sessions of each client IP in the {@link
 * RecentSessions#STORE} store, and drops clients without a session for {@link
 * RecentSessions#RETENTION} of stream time. Forwards nothing.
 *
 * <p>Eviction scans {@link #LAST_SEEN_STORE} (client IP to stream time of its newest session), not
 * the sessions: reading every client's 20 sessions as JSON every 10 minutes of stream time was
 * three quarters of the stream thread's time while a backlog was caught up (docs/benchmarks.md).
 */
final class RememberSessions implements Processor<String, SessionRecord, Void, Void> {
  /** Client IP to the stream time of its newest session, for eviction. */
  static final String LAST_SEEN_STORE = RecentSessions.STORE + "-last-seen";

  private static final Duration EVICTION_INTERVAL = Duration.ofMinutes(10);

  private KeyValueStore<String, RecentSessions> store;
  private KeyValueStore<String, Long> lastSeen;
  // State written by a version without the last-seen store is indexed once, at the first eviction.
  private boolean indexed;

  /** The processor together with its store. */
  static ProcessorSupplier<String, SessionRecord, Void, Void> supplier() {
    return new WithStores<>(
        RememberSessions::new,
        Set.of(
            WithStores.keyValueStore(RecentSessions.STORE, RecentSessions.SERDE),
            WithStores.keyValueStore(LAST_SEEN_STORE, Serdes.Long())));
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(RecentSessions.STORE);
    lastSeen = context.getStateStore(LAST_SEEN_STORE);
    context.schedule(EVICTION_INTERVAL, PunctuationType.STREAM_TIME, this::evict);
  }

  @Override
  public void process(Record<String, SessionRecord> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    RecentSessions current = store.get(record.key());
    RecentSessions base = current == null ? new RecentSessions(List.of(), 0) : current;
    RecentSessions updated = base.with(record.value(), record.timestamp());
    store.put(record.key(), updated);
    lastSeen.put(record.key(), updated.lastSeenMillis());
  }

  private void evict(long streamTime) {
    if (!indexed) {
      indexOlderState();
      indexed = true;
    }
    long cutoff = streamTime - RecentSessions.RETENTION.toMillis();
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = lastSeen.all()) {
      while (all.hasNext()) {
        KeyValue<String, Long> entry = all.next();
        if (entry.value < cutoff) {
          stale.add(entry.key);
        }
      }
    }
    for (String ip : stale) {
      store.delete(ip);
      lastSeen.delete(ip);
    }
  }

  private void indexOlderState() {
    try (KeyValueIterator<String, RecentSessions> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, RecentSessions> entry = all.next();
        lastSeen.putIfAbsent(entry.key, entry.value.lastSeenMillis());
      }
    }
  }
}
