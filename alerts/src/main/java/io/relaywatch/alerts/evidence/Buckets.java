package io.relaywatch.alerts.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Counters over time in fixed buckets, so that a subject with thousands of events in the window
 * costs at most {@link LedgerLimits#BUCKETS_PER_WINDOW} objects, not one per event.
 */
final class Buckets<B> {
  private final Duration size;
  private final NavigableMap<Instant, B> buckets = new TreeMap<>();

  Buckets(Duration size) {
    this.size = size;
  }

  /** The bucket holding {@code time}, created when missing. */
  B at(Instant time, Supplier<B> create) {
    long ms = size.toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), ms) * ms);
    return buckets.computeIfAbsent(start, k -> create.get());
  }

  /**
   * Drops buckets that end at or before {@code horizon}.
   *
   * @return whether any was dropped
   */
  boolean expire(Instant horizon) {
    NavigableMap<Instant, B> ended = buckets.headMap(horizon.minus(size), true);
    boolean any = !ended.isEmpty();
    ended.clear();
    return any;
  }

  /** The buckets, oldest first. */
  Collection<B> values() {
    return buckets.values();
  }

  boolean isEmpty() {
    return buckets.isEmpty();
  }
}
