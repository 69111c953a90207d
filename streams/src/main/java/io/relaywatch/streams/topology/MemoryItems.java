package io.relaywatch.streams.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Open items in memory, for the folds' {@code inMemory} joins. Kept in key order, as the Streams
 * state store iterates them, so that items timing out together close in the same order offline and
 * in the topology. Bounded: when {@code maxOpen} are open, the quieter half is handed to {@code
 * evict} (which closes them as timed out) and forgotten.
 *
 * @param <V> the open item
 */
final class MemoryItems<V> implements OpenItems<V> {
  private final int maxOpen;
  private final ToLongFunction<V> lastSeenMillis;
  private final Consumer<V> evict;
  private final TreeMap<String, V> open = new TreeMap<>();
  private long evicted;

  MemoryItems(int maxOpen, ToLongFunction<V> lastSeenMillis, Consumer<V> evict) {
    if (maxOpen < 2) {
      throw new IllegalArgumentException("maxOpen must be at least 2: " + maxOpen);
    }
    this.maxOpen = maxOpen;
    this.lastSeenMillis = lastSeenMillis;
    this.evict = evict;
  }

  @Override
  public V get(String key) {
    return open.get(key);
  }

  @Override
  public void put(String key, V value) {
    if (open.size() >= maxOpen && !open.containsKey(key)) {
      evictQuieterHalf();
    }
    open.put(key, value);
  }

  @Override
  public void delete(String key) {
    open.remove(key);
  }

  @Override
  public List<Map.Entry<String, V>> quietSince(String keyPrefix, long cutoff) {
    List<Map.Entry<String, V>> quiet = new ArrayList<>();
    for (Map.Entry<String, V> kv : withPrefix(keyPrefix).entrySet()) {
      if (lastSeenMillis.applyAsLong(kv.getValue()) <= cutoff) {
        quiet.add(Map.entry(kv.getKey(), kv.getValue()));
      }
    }
    return quiet;
  }

  private Map<String, V> withPrefix(String keyPrefix) {
    // Every key with the prefix sorts from the prefix up to the prefix followed by the highest
    // char.
    return keyPrefix.isEmpty()
        ? open
        : open.subMap(keyPrefix, true, keyPrefix + Character.MAX_VALUE, true);
  }

  long evicted() {
    return evicted;
  }

  /**
   * Half at a time, so that the sort is paid once per {@code maxOpen / 2} new items: a real server
   * never has this many open at once, so what fills the store is forged or broken input. The sort
   * is stable, so items equally quiet go in key order.
   */
  private void evictQuieterHalf() {
    List<Map.Entry<String, V>> all = new ArrayList<>(open.entrySet());
    all.sort(Map.Entry.comparingByValue(Comparator.comparingLong(lastSeenMillis)));
    for (Map.Entry<String, V> kv : all.subList(0, all.size() / 2)) {
      open.remove(kv.getKey());
      evicted++;
      evict.accept(kv.getValue());
    }
  }
}
