package io.relaywatch.streams.topology;

import io.relaywatch.events.MessageClose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open messages in memory, for {@link MessageJoin#inMemory}. Kept in key order, as the Streams
 * state store iterates them, so that messages timing out together close in the same order offline
 * and in the topology.
 */
final class MemoryMessageStore implements MessageJoin.Store {
  private final int maxOpen;
  private final MessageJoin.Sink sink;
  private final TreeMap<String, OpenMessage> open = new TreeMap<>();

  MemoryMessageStore(int maxOpen, MessageJoin.Sink sink) {
    if (maxOpen < 2) {
      throw new IllegalArgumentException("maxOpen must be at least 2: " + maxOpen);
    }
    this.maxOpen = maxOpen;
    this.sink = sink;
  }

  @Override
  public OpenMessage get(String key) {
    return open.get(key);
  }

  @Override
  public void put(String key, OpenMessage message) {
    if (open.size() >= maxOpen && !open.containsKey(key)) {
      evictQuieterHalf();
    }
    open.put(key, message);
  }

  @Override
  public void delete(String key) {
    open.remove(key);
  }

  @Override
  public List<Map.Entry<String, OpenMessage>> quietSince(long cutoff) {
    List<Map.Entry<String, OpenMessage>> quiet = new ArrayList<>();
    for (Map.Entry<String, OpenMessage> kv : open.entrySet()) {
      if (kv.getValue().lastSeenMillis() <= cutoff) {
        quiet.add(Map.entry(kv.getKey(), kv.getValue()));
      }
    }
    return quiet;
  }

  /** Half at a time, so the sort is paid once per {@code maxOpen / 2} new messages. */
  private void evictQuieterHalf() {
    List<Map.Entry<String, OpenMessage>> all = new ArrayList<>(open.entrySet());
    all.sort(Map.Entry.comparingByValue(OpenMessage.QUIETEST_FIRST));
    for (Map.Entry<String, OpenMessage> kv : all.subList(0, all.size() / 2)) {
      open.remove(kv.getKey());
      OpenMessage message = kv.getValue();
      sink.closed(message.close(MessageClose.TIMEOUT), message.lastSeenMillis());
    }
  }
}
