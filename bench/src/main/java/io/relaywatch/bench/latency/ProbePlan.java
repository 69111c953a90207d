package io.relaywatch.bench.latency;

import java.util.concurrent.TimeUnit;

/**
 * When the probes are written: the first after a warm-up (the JIT, the broker's first
 * transactions), then evenly spaced so the last leaves a tail before the background stops, for its
 * alert to arrive under load.
 *
 * @param probes how many
 * @param firstNanos the first probe's time from the start of the background
 * @param intervalNanos the time between two probes
 */
record ProbePlan(int probes, long firstNanos, long intervalNanos) {
  private static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * Spreads {@code probes} over {@code duration - warmUp - tail}.
   *
   * @throws IllegalArgumentException if that leaves less than a second between probes
   */
  static ProbePlan spread(int probes, long durationNanos, long warmUpNanos, long tailNanos) {
    if (probes < 1) {
      throw new IllegalArgumentException("--probes must be at least 1, got " + probes);
    }
    long interval = (durationNanos - warmUpNanos - tailNanos) / probes;
    if (interval < MIN_INTERVAL_NANOS) {
      throw new IllegalArgumentException(
          String.format(
              "%d probes leave %.2f s between them in a %.0f s run (warm-up %.0f s, tail %.0f s);"
                  + " expected at least 1 s: lengthen --duration or lower --probes",
              probes, interval / 1e9, durationNanos / 1e9, warmUpNanos / 1e9, tailNanos / 1e9));
    }
    return new ProbePlan(probes, warmUpNanos, interval);
  }

  /** The time of probe {@code n} (from 0) from the start of the background. */
  long at(int n) {
    return firstNanos + n * intervalNanos;
  }
}
