package io.relaywatch.streams.topology;

import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the {@link RecentSessions#LIMIT} newest sessions (by end time) of each client IP in {@link
 * RecentSessions#STORE}, and drops clients without a session for {@link RecentSessions#RETENTION}
 * of stream time. Forwards nothing.
 *
 * <p>Eviction scans the small per-client indexes ({@link RecentSessions#INDEX_STORE}), not the
 * sessions: reading every client's sessions every 10 minutes of stream time was three quarters of
 * the stream thread's time while a backlog was caught up (docs/benchmarks.md).
 */
final class RememberSessions implements Processor<String, SessionRecord, Void, Void> {
  private static final Duration EVICTION_INTERVAL = Duration.ofMinutes(10);

  private KeyValueStore<String, SessionRecord> sessions;
  private KeyValueStore<String, SessionSlots> index;

  /** The processor together with its stores. */
  static ProcessorSupplier<String, SessionRecord, Void, Void> supplier() {
    return new WithStores<>(
        RememberSessions::new,
        Set.of(
            WithStores.keyValueStore(RecentSessions.STORE, RecentSessions.SESSION_SERDE),
            WithStores.keyValueStore(RecentSessions.INDEX_STORE, RecentSessions.INDEX_SERDE)));
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    sessions = context.getStateStore(RecentSessions.STORE);
    index = context.getStateStore(RecentSessions.INDEX_STORE);
    context.schedule(EVICTION_INTERVAL, PunctuationType.STREAM_TIME, this::evict);
  }

  @Override
  public void process(Record<String, SessionRecord> record) {
    if (record.key() == null || record.value() == null || record.value().end() == null) {
      return;
    }
    String client = record.key();
    SessionSlots current = index.get(client);
    SessionSlots slots = current == null ? SessionSlots.empty() : current;
    long end = record.value().end().toInstant().toEpochMilli();
    int slot = slots.slotFor(end);
    if (slot >= 0) {
      sessions.put(RecentSessions.slotKey(client, slot), record.value());
    }
    index.put(client, slots.with(slot, end, record.timestamp()));
  }

  private void evict(long streamTime) {
    long cutoff = streamTime - RecentSessions.RETENTION.toMillis();
    List<Map.Entry<String, SessionSlots>> stale = new ArrayList<>();
    try (KeyValueIterator<String, SessionSlots> all = index.all()) {
      while (all.hasNext()) {
        KeyValue<String, SessionSlots> entry = all.next();
        if (entry.value.lastSeenMillis() < cutoff) {
          stale.add(Map.entry(entry.key, entry.value));
        }
      }
    }
    for (Map.Entry<String, SessionSlots> client : stale) {
      for (int slot = 0; slot < RecentSessions.LIMIT; slot++) {
        if (client.getValue().used(slot)) {
          sessions.delete(RecentSessions.slotKey(client.getKey(), slot));
        }
      }
      index.delete(client.getKey());
    }
  }
}
