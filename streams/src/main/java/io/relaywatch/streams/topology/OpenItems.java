package io.relaywatch.streams.topology;

import java.util.List;
import java.util.Map;

/**
 * Where the open items of a fold ({@link SessionJoin}, {@link MessageJoin}) wait for their next
 * line: a Streams state store in the topology ({@link StateStoreItems}), a bounded map offline
 * ({@link MemoryItems}).
 *
 * @param <V> the open item
 */
interface OpenItems<V> {
  V get(String key);

  void put(String key, V value);

  void delete(String key);

  /** The open items whose last line is at or before {@code cutoff}, in key order. */
  default List<Map.Entry<String, V>> quietSince(long cutoff) {
    return quietSince("", cutoff);
  }

  /** The same among the items whose key starts with {@code keyPrefix}. */
  List<Map.Entry<String, V>> quietSince(String keyPrefix, long cutoff);
}
