package io.relaywatch.alerts.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for a receiver that failed: after the n-th failure in a row the
 * wait is {@code min(max, initial * 2^(n-1))}, of which a random half is taken off ("equal
 * jitter"), so many relaywatch instances that lost the same receiver do not retry in step.
 *
 * @param initial the wait after the first failure, before jitter
 * @param max the longest wait, before jitter
 */
public record RetryPolicy(Duration initial, Duration max) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60));

  public RetryPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
    }
  }

  /** The wait after {@code failures} failures in a row (at least 1). */
  public Duration delay(int failures, RandomGenerator random) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    // Doubling stops at the cap; the shift is bounded so it cannot overflow.
    for (int i = 1; i < Math.min(failures, 40) && base < cap; i++) {
      base *= 2;
    }
    base = Math.min(base, cap);
    long half = base / 2;
    return Duration.ofMillis(base - half + random.nextLong(half + 1));
  }
}
