package io.relaywatch.alerts.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tallies by subject (client IP, domain, host), bounded. When the table is full the less-weighted
 * half is dropped: a subject that matters has many events by then, while a botnet's one-shot
 * addresses are what fills it. What was dropped is counted, so the output can say it is partial.
 */
final class BoundedTable<T extends BoundedTable.Tally> {
  /** One subject's tally. */
  interface Tally {
    String subject();

    /** How much the tally matters; the lighter half is dropped when the table is full. */
    long weight();

    /** The events it counted, reported as dropped with it. */
    long events();

    /** Frees what the tally holds in shared budgets. */
    default void release() {}
  }

  private static final Comparator<Tally> HEAVIEST_FIRST =
      Comparator.comparingLong(Tally::weight).reversed().thenComparing(Tally::subject);

  private final int capacity;
  private final Function<String, T> factory;
  private final Map<String, T> bySubject = new HashMap<>();
  private long dropped;
  private long droppedEvents;

  BoundedTable(int capacity, Function<String, T> factory) {
    this.capacity = capacity;
    this.factory = factory;
  }

  /** The tally of this subject, made when new. */
  T tally(String subject) {
    T tally = bySubject.get(subject);
    if (tally == null) {
      if (bySubject.size() >= capacity) {
        dropLighterHalf();
      }
      tally = factory.apply(subject);
      bySubject.put(subject, tally);
    }
    return tally;
  }

  /** The tally of this subject, or null when it has none. */
  T find(String subject) {
    return bySubject.get(subject);
  }

  private void dropLighterHalf() {
    List<T> tallies = new ArrayList<>(bySubject.values());
    tallies.sort(HEAVIEST_FIRST);
    for (T gone : tallies.subList(tallies.size() / 2, tallies.size())) {
      bySubject.remove(gone.subject());
      gone.release();
      dropped++;
      droppedEvents += gone.events();
    }
  }

  /** Every tally, heaviest first, ties by subject. */
  List<T> all() {
    List<T> tallies = new ArrayList<>(bySubject.values());
    tallies.sort(HEAVIEST_FIRST);
    return tallies;
  }

  long dropped() {
    return dropped;
  }

  long droppedEvents() {
    return droppedEvents;
  }
}
