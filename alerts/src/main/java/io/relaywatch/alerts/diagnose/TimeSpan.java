package io.relaywatch.alerts.diagnose;

import java.time.OffsetDateTime;

/**
 * The first and last time something was seen, as logged. Compared by epoch nanoseconds kept
 * alongside, because comparing two {@link OffsetDateTime}s chases the old one's fields through
 * memory on every event of a large log.
 */
final class TimeSpan {
  private OffsetDateTime first;
  private OffsetDateTime last;
  private long firstNanos;
  private long lastNanos;

  void widen(OffsetDateTime at) {
    if (at == null) {
      return;
    }
    long nanos = at.toEpochSecond() * 1_000_000_000L + at.getNano();
    if (first == null || nanos < firstNanos) {
      first = at;
      firstNanos = nanos;
    }
    if (last == null || nanos > lastNanos) {
      last = at;
      lastNanos = nanos;
    }
  }

  OffsetDateTime first() {
    return first;
  }

  OffsetDateTime last() {
    return last;
  }
}
