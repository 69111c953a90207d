package io.relaywatch.bench.latency;

import java.util.concurrent.TimeUnit;

/**
 * How many background lines are due at a point of the run, computed from the start of the run
 * rather than from the last write: a writer that falls behind (a GC pause, a busy core) catches up
 * on its next tick instead of drifting below the rate, as a loop of fixed sleeps would.
 */
final class PacingSchedule {
  private final long linesPerSecond;
  private final long tickNanos;

  /**
   * @param linesPerSecond the steady rate
   * @param tickNanos how often the writer wakes up to write what is due
   */
  PacingSchedule(long linesPerSecond, long tickNanos) {
    if (linesPerSecond <= 0 || tickNanos <= 0) {
      throw new IllegalArgumentException(
          "rate and tick must be positive, got " + linesPerSecond + " and " + tickNanos);
    }
    this.linesPerSecond = linesPerSecond;
    this.tickNanos = tickNanos;
  }

  /** Lines that should have been written {@code elapsedNanos} after the start. */
  long linesDue(long elapsedNanos) {
    if (elapsedNanos <= 0) {
      return 0;
    }
    // Integer arithmetic from the start: no rounding error accumulates from tick to tick. Exact
    // for runs of about 20 days at 5,000 lines/s; longer ones fail loudly rather than wrap.
    return Math.multiplyExact(elapsedNanos, linesPerSecond) / TimeUnit.SECONDS.toNanos(1);
  }

  /** The elapsed time of the first tick after {@code elapsedNanos}: when to wake up next. */
  long nextTick(long elapsedNanos) {
    return (Math.floorDiv(elapsedNanos, tickNanos) + 1) * tickNanos;
  }
}
