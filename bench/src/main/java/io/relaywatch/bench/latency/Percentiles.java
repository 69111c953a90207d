package io.relaywatch.bench.latency;

import java.util.Arrays;
import java.util.Collection;

/**
 * Exact nearest-rank percentiles of a few dozen samples (milliseconds). With 30 to 60 probes a
 * histogram's bucketing would only blur them, so the samples are kept and sorted.
 */
final class Percentiles {
  private final double[] sorted;

  Percentiles(Collection<Double> samples) {
    sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  int count() {
    return sorted.length;
  }

  /**
   * The nearest-rank percentile: the smallest sample with at least {@code percent}% of the samples
   * at or below it; NaN when there are none.
   */
  double at(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  double[] values() {
    return Arrays.copyOf(sorted, sorted.length);
  }

  /** {@code value / baseline}, or NaN when the baseline is not a positive number. */
  static double ratio(double value, double baseline) {
    return baseline > 0 ? value / baseline : Double.NaN;
  }
}
