package io.relaywatch.streams.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
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
 *
 * <p>While every open item is kept (the usual case), the scans for quiet items read the kept
 * objects instead of iterating the store, which decodes every open item, once a minute of log time
 * per mail host. A processor starts by reading what an earlier one left in the store; once an item
 * is refused (more than {@link #MAX_KEPT} open), scans go to the store again.
 *
 * <p>The store itself is bounded too, since it is kept in memory: when {@code maxOpen} items are
 * open and a new one comes, the quieter half is handed to {@code evict} (which closes them as timed
 * out) and deleted, as {@link MemoryItems} does offline. A real server never has that many open.
 */
final class StateStoreItems<V> implements OpenItems<V> {
  /** Items kept as objects at most; a busy server has a few thousand open at a time. */
  static final int MAX_KEPT = 50_000;

  /** Items open at most in one task's store (a few thousand per busy mail host). */
  static final int MAX_OPEN = 100_000;

  private final KeyValueStore<String, V> store;
  private final ToLongFunction<V> lastSeenMillis;
  private final int maxOpen;
  private final Consumer<V> evict;
  private final Map<String, V> kept = new HashMap<>();
  private boolean keptAll;
  private long evicted;

  /**
   * @param store the processor's state store
   * @param lastSeenMillis the event time of an item's last line
   * @param maxOpen items open at most (at least 2)
   * @param evict closes an item evicted because too many were open
   */
  StateStoreItems(
      KeyValueStore<String, V> store,
      ToLongFunction<V> lastSeenMillis,
      int maxOpen,
      Consumer<V> evict) {
    if (maxOpen < 2) {
      throw new IllegalArgumentException("maxOpen must be at least 2: " + maxOpen);
    }
    this.store = store;
    this.lastSeenMillis = lastSeenMillis;
    this.maxOpen = maxOpen;
    this.evict = evict;
    this.keptAll = keepAllStored();
  }

  /** Keeps what an earlier processor left in the store, if there is room for all of it. */
  private boolean keepAllStored() {
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> kv = all.next();
        if (kept.size() >= MAX_KEPT) {
          kept.clear();
          return false;
        }
        kept.put(kv.key, kv.value);
      }
    }
    return true;
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
    if (!kept.containsKey(key)
        && store.approximateNumEntries() >= maxOpen
        && store.get(key) == null) {
      evictQuieterHalf();
    }
    store.put(key, value);
    keep(key, value);
  }

  long evicted() {
    return evicted;
  }

  /** Half at a time, so that the scan and sort are paid once per {@code maxOpen / 2} new items. */
  private void evictQuieterHalf() {
    List<Map.Entry<String, V>> all = quietSince(Long.MAX_VALUE);
    all.sort(Map.Entry.comparingByValue(Comparator.comparingLong(lastSeenMillis)));
    for (Map.Entry<String, V> kv : all.subList(0, all.size() / 2)) {
      delete(kv.getKey());
      evicted++;
      evict.accept(kv.getValue());
    }
  }

  private void keep(String key, V value) {
    if (kept.size() < MAX_KEPT || kept.containsKey(key)) {
      kept.put(key, value);
    } else {
      keptAll = false;
    }
  }

  @Override
  public void delete(String key) {
    store.delete(key);
    kept.remove(key);
  }

  @Override
  public List<Map.Entry<String, V>> quietSince(String keyPrefix, long cutoff) {
    return keptAll ? keptQuietSince(keyPrefix, cutoff) : storedQuietSince(keyPrefix, cutoff);
  }

  /** In key order, as the store iterates (and as {@link MemoryItems} does). */
  private List<Map.Entry<String, V>> keptQuietSince(String keyPrefix, long cutoff) {
    List<Map.Entry<String, V>> quiet = new ArrayList<>();
    for (Map.Entry<String, V> kv : kept.entrySet()) {
      if (kv.getKey().startsWith(keyPrefix)
          && lastSeenMillis.applyAsLong(kv.getValue()) <= cutoff) {
        quiet.add(Map.entry(kv.getKey(), kv.getValue()));
      }
    }
    quiet.sort(Map.Entry.comparingByKey());
    return quiet;
  }

  private List<Map.Entry<String, V>> storedQuietSince(String keyPrefix, long cutoff) {
    List<Map.Entry<String, V>> quiet = new ArrayList<>();
    try (KeyValueIterator<String, V> all =
        keyPrefix.isEmpty() ? store.all() : store.prefixScan(keyPrefix, new StringSerializer())) {
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
