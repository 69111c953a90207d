package io.relaywatch.streams.topology;

import io.relaywatch.events.SessionClose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open sessions in memory, for {@link SessionJoin#inMemory}. Kept in key order, as the Streams
 * state store iterates them, so that sessions timing out together are closed in the same order
 * offline and in the topology.
 */
final class MemorySessionStore implements SessionJoin.Store {
  private final int maxOpen;
  private final SessionJoin.Sink sink;
  private final TreeMap<String, OpenSession> open = new TreeMap<>();
  private long evicted;

  MemorySessionStore(int maxOpen, SessionJoin.Sink sink) {
    if (maxOpen < 2) {
      throw new IllegalArgumentException("maxOpen must be at least 2: " + maxOpen);
    }
    this.maxOpen = maxOpen;
    this.sink = sink;
  }

  @Override
  public OpenSession get(String key) {
    return open.get(key);
  }

  @Override
  public void put(String key, OpenSession session) {
    if (open.size() >= maxOpen && !open.containsKey(key)) {
      evictQuieterHalf();
    }
    open.put(key, session);
  }

  @Override
  public void delete(String key) {
    open.remove(key);
  }

  @Override
  public List<Map.Entry<String, OpenSession>> quietSince(long cutoff) {
    List<Map.Entry<String, OpenSession>> quiet = new ArrayList<>();
    for (Map.Entry<String, OpenSession> kv : open.entrySet()) {
      if (kv.getValue().lastSeenMillis() <= cutoff) {
        quiet.add(Map.entry(kv.getKey(), kv.getValue()));
      }
    }
    return quiet;
  }

  long evicted() {
    return evicted;
  }

  /**
   * Half at a time, so that the sort is paid once per {@code maxOpen / 2} new sessions: a real
   * server never has this many smtpd processes, so what fills the store is forged or broken input.
   */
  private void evictQuieterHalf() {
    List<Map.Entry<String, OpenSession>> all = new ArrayList<>(open.entrySet());
    all.sort(Map.Entry.comparingByValue(OpenSession.QUIETEST_FIRST));
    for (Map.Entry<String, OpenSession> kv : all.subList(0, all.size() / 2)) {
      OpenSession session = kv.getValue();
      open.remove(kv.getKey());
      evicted++;
      sink.closed(session.close(SessionClose.TIMEOUT, null), session.lastSeenMillis());
    }
  }
}
