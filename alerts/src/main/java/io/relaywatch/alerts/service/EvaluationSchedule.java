package io.relaywatch.alerts.service;

import java.time.Duration;
import java.time.Instant;

/**
 * When the service evaluates: on every tick of {@code alerts.evaluationInterval}, and after new
 * records, at most once per gap. Records that arrive within the gap after an evaluation are kept
 * pending and evaluated as soon as the gap has passed, not at the next tick: the last denial of a
 * burst, committed by Streams a few hundred milliseconds after the first, would otherwise wait for
 * the tick (10 s by default) on a quiet server. Not thread-safe: the service loop's own.
 */
final class EvaluationSchedule {
  private final Duration interval;
  private final Duration minGap;
  private Instant next;
  private Instant last = Instant.MIN;
  private boolean pending;

  /**
   * @param interval the tick
   * @param minGap the least time between two evaluations caused by new records
   * @param start the first tick
   */
  EvaluationSchedule(Duration interval, Duration minGap, Instant start) {
    this.interval = interval;
    this.minGap = minGap;
    this.next = start;
  }

  /**
   * Whether to evaluate now, after a poll that brought {@code arrived} records; if so the next tick
   * and gap count from now.
   */
  boolean due(Instant now, int arrived) {
    pending |= arrived > 0;
    boolean tick = !now.isBefore(next);
    if (tick || (pending && !now.isBefore(last.plus(minGap)))) {
      last = now;
      next = now.plus(interval);
      pending = false;
      return true;
    }
    return false;
  }
}
