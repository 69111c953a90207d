package io.relaywatch.streams.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Open items in a Streams state store, so that they survive a restart.
 *
 * <p>The items this processor has read or written are also kept as objects: every line of a session
 * or message read its item back from the store, which meant parsing its JSON again. The store stays
 * the truth (every change is written to it, and a new processor starts with nothing kept), and a
 * key leaves both together, so this holds no more than the store does, and at most {@link
 * #MAX_KEPT} items: beyond that (a flood of forged process or queue ids) items are read from the
 * store again rather than grow the heap.
 */
final class StateStoreItems<V> implements OpenItems<V> {
  /** Items kept as objects at most; a busy server has a few thousand open at a time. */
  static final int MAX_KEPT = 50_000;

  private final KeyValueStore<String, V> store;
  private final ToLongFunction<V> lastSeenMillis;
  private final Map<String, V> kept = new HashMap<>();

  /**
   * @param store the processor's state store
   * @param lastSeenMillis the event time of an item's last line
   */
  StateStoreItems(KeyValueStore<String, V> store, ToLongFunction<V> lastSeenMillis) {
    this.store = store;
    this.lastSeenMillis = lastSeenMillis;
  }

  @Override
  public V get(String key) {
    V item = kept.get(key);
    if (item == null) {
      item = store.get(key);
      if (item != null) {
        keep(key, item);
      }
    }
    return item;
  }

  @Override
  public void put(String key, V value) {
    store.put(key, value);
    keep(key, value);
  }

  private void keep(String key, V value) {
    if (kept.size() < MAX_KEPT || kept.containsKey(key)) {
      kept.put(key, value);
    }
  }

  @Override
  public void delete(String key) {
    store.delete(key);
    kept.remove(key);
  }

  @Override
  public List<Map.Entry<String, V>> quietSince(long cutoff) {
    List<Map.Entry<String, V>> quiet = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      all.forEachRemaining(
          kv -> {
            if (lastSeenMillis.applyAsLong(kv.value) <= cutoff) {
              quiet.add(Map.entry(kv.key, kv.value));
            }
          });
    }
    return quiet;
  }
}
