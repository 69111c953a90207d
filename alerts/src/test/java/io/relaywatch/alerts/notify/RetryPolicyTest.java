package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void shouldDoubleFromTheInitialDelayUpToTheMaximumWithHalfJitter() {
    Random random = new Random(42);
    long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
    for (int i = 0; i < 1_000; i++) {
      for (int n = 1; n <= ceilings.length; n++) {
        long ms = policy.delay(n, random).toMillis();
        assertThat(ms).as("failure %d", n).isBetween(ceilings[n - 1] / 2, ceilings[n - 1]);
      }
    }
  }

  @Test
  void shouldNeverOverflowAfterManyFailures() {
    assertThat(policy.delay(Integer.MAX_VALUE, new Random(1)))
        .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  @Test
  void shouldSpreadRetriesOfManyInstances() {
    Random random = new Random(7);
    Set<Long> delays = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      delays.add(policy.delay(3, random).toMillis());
    }
    assertThat(delays).hasSizeGreaterThan(50);
  }

  @Test
  void shouldRefuseAMaximumBelowTheInitialDelay() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
