package io.relaywatch.streams.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Open items in a Streams state store, so that they survive a restart.
 *
 * @param store the processor's state store
 * @param lastSeenMillis the event time of an item's last line
 */
record StateStoreItems<V>(KeyValueStore<String, V> store, ToLongFunction<V> lastSeenMillis)
    implements OpenItems<V> {
  @Override
  public V get(String key) {
    return store.get(key);
  }

  @Override
  public void put(String key, V value) {
    store.put(key, value);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
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
