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
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the last {@link RecentSessions#LIMIT} sessions of each client IP in the {@link
 * RecentSessions#STORE} store, and drops clients without a session for {@link
 * RecentSessions#RETENTION} of stream time. Forwards nothing.
 */
final class RememberSessions implements Processor<String, SessionRecord, Void, Void> {
  private static final Duration EVICTION_INTERVAL = Duration.ofMinutes(10);

  private KeyValueStore<String, RecentSessions> store;

  /** The processor together with its store. */
  static ProcessorSupplier<String, SessionRecord, Void, Void> supplier() {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, SessionRecord, Void, Void> get() {
        return new RememberSessions();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RecentSessions.STORE),
                Serdes.String(),
                RecentSessions.SERDE));
      }
    };
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(RecentSessions.STORE);
    context.schedule(EVICTION_INTERVAL, PunctuationType.STREAM_TIME, this::evict);
  }

  @Override
  public void process(Record<String, SessionRecord> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    RecentSessions current = store.get(record.key());
    RecentSessions base = current == null ? new RecentSessions(List.of(), 0) : current;
    store.put(record.key(), base.with(record.value(), record.timestamp()));
  }

  private void evict(long streamTime) {
    long cutoff = streamTime - RecentSessions.RETENTION.toMillis();
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, RecentSessions> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, RecentSessions> entry = all.next();
        if (entry.value.lastSeenMillis() < cutoff) {
          stale.add(entry.key);
        }
      }
    }
    stale.forEach(store::delete);
  }
}
