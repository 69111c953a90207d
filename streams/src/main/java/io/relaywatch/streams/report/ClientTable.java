package io.relaywatch.streams.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tallies per client address, bounded. When the table is full the less-counted half is dropped: a
 * client that matters has many events by then, while a botnet's one-shot addresses are what fills
 * it. Dropping makes the report approximate, which the summary says.
 */
final class ClientTable<T extends ClientTally> {
  private static final Comparator<ClientTally> MOST_FIRST =
      Comparator.comparingLong(ClientTally::count).reversed().thenComparing(ClientTally::clientIp);

  private final int capacity;
  private final Function<String, T> factory;
  private final Map<String, T> byIp = new HashMap<>();
  private long droppedClients;
  private long droppedEvents;

  ClientTable(int capacity, Function<String, T> factory) {
    this.capacity = capacity;
    this.factory = factory;
  }

  /** The tally of this client, made when new. */
  T tally(String clientIp) {
    T tally = byIp.get(clientIp);
    if (tally == null) {
      if (byIp.size() >= capacity) {
        dropLessCountedHalf();
      }
      tally = factory.apply(clientIp);
      byIp.put(clientIp, tally);
    }
    return tally;
  }

  private void dropLessCountedHalf() {
    List<T> tallies = new ArrayList<>(byIp.values());
    tallies.sort(MOST_FIRST);
    for (T dropped : tallies.subList(tallies.size() / 2, tallies.size())) {
      byIp.remove(dropped.clientIp());
      dropped.release();
      droppedClients++;
      droppedEvents += dropped.count();
    }
  }

  /** The most-counted clients, ties by address. */
  List<T> top(int n) {
    return byIp.values().stream().sorted(MOST_FIRST).limit(n).toList();
  }

  /** Clients seen; an upper bound when some were dropped, since a dropped client may come back. */
  long clients() {
    return byIp.size() + droppedClients;
  }

  boolean approximate() {
    return droppedClients > 0;
  }

  long droppedClients() {
    return droppedClients;
  }

  long droppedEvents() {
    return droppedEvents;
  }
}
