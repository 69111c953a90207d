package io.relaywatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacingScheduleTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);

  @Test
  void shouldOweTheRateTimesTheElapsedTime() {
    PacingSchedule schedule = new PacingSchedule(5000, TICK);

    assertThat(schedule.linesDue(0)).isZero();
    assertThat(schedule.linesDue(TICK)).isEqualTo(50);
    assertThat(schedule.linesDue(SECOND)).isEqualTo(5000);
    assertThat(schedule.linesDue(90 * SECOND)).isEqualTo(450_000);
    assertThat(schedule.linesDue(-SECOND)).isZero();
  }

  @Test
  void shouldCatchUpAfterALateWakeUpInsteadOfDrifting() {
    PacingSchedule schedule = new PacingSchedule(5000, TICK);
    Random random = new Random(20261128);
    long elapsed = 0;
    long written = 0;
    // A writer that wakes up late by up to 50 ticks (a GC pause, a busy core) at random.
    while (elapsed < 60 * SECOND) {
      written = Math.max(written, schedule.linesDue(elapsed));
      elapsed =
          schedule.nextTick(elapsed) + random.nextInt(50) * (random.nextInt(10) == 0 ? TICK : 0);
    }
    written = Math.max(written, schedule.linesDue(elapsed));

    assertThat(written).isEqualTo(schedule.linesDue(elapsed));
    assertThat(written).isBetween(5000L * 60, 5000L * 61);
  }

  @Test
  void shouldNeverOweLinesBackwardsOrInJumpsLargerThanTheTimeSpent() {
    PacingSchedule schedule = new PacingSchedule(7, TICK);
    long previous = 0;
    for (long t = 0; t < 10 * SECOND; t += TICK / 3) {
      long due = schedule.linesDue(t);
      assertThat(due).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(previous + 1);
      previous = due;
    }
    assertThat(previous).isEqualTo(69);
  }

  @Test
  void shouldWakeAtTheNextTickBoundary() {
    PacingSchedule schedule = new PacingSchedule(5000, TICK);

    assertThat(schedule.nextTick(0)).isEqualTo(TICK);
    assertThat(schedule.nextTick(TICK - 1)).isEqualTo(TICK);
    assertThat(schedule.nextTick(TICK)).isEqualTo(2 * TICK);
    assertThat(schedule.nextTick(7 * TICK + 3)).isEqualTo(8 * TICK);
  }

  @Test
  void shouldRefuseARateOrTickThatIsNotPositive() {
    assertThatThrownBy(() -> new PacingSchedule(0, TICK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> new PacingSchedule(5000, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
