package io.relaywatch.bench.latency;

import java.util.concurrent.TimeUnit;

/**
 * When the probes are written, from the end of the warm-up: evenly spaced so that the last one
 * leaves a tail before the background stops, for its alert to arrive under the same load.
 *
 * @param probes how many
 * @param durationNanos the probe phase: the background runs this long after the warm-up
 * @param intervalNanos the time between two probes
 */
record ProbePlan(int probes, long durationNanos, long intervalNanos) {
  private static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * Spreads {@code probes} over {@code duration - tail}.
   *
   * @throws IllegalArgumentException if that leaves less than a second between probes
   */
  static ProbePlan spread(int probes, long durationNanos, long tailNanos) {
    if (probes < 1) {
      throw new IllegalArgumentException("--probes must be at least 1, got " + probes);
    }
    long interval = (durationNanos - tailNanos) / probes;
    if (interval < MIN_INTERVAL_NANOS) {
      throw new IllegalArgumentException(
          String.format(
              "%d probes leave %.2f s between them in %.0f s (the last %.0f s without probes);"
                  + " expected at least 1 s: lengthen --duration or lower --probes",
              probes, interval / 1e9, durationNanos / 1e9, tailNanos / 1e9));
    }
    return new ProbePlan(probes, durationNanos, interval);
  }

  /** The time of probe {@code n} (from 0) from the end of the warm-up. */
  long at(int n) {
    return n * intervalNanos;
  }
}
