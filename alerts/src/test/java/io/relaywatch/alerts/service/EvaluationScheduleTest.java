package io.relaywatch.alerts.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Timelines in milliseconds after t=0: a 10 s tick, at most one record-driven evaluation a second.
 */
class EvaluationScheduleTest {
  private static final Instant T0 = Instant.parse("2026-11-28T18:00:00Z");

  private final EvaluationSchedule schedule =
      new EvaluationSchedule(Duration.ofSeconds(10), Duration.ofSeconds(1), T0);

  private boolean at(long millis, int arrived) {
    return schedule.due(T0.plusMillis(millis), arrived);
  }

  @Test
  void shouldEvaluateOnEveryTickWithoutRecords() {
    assertThat(at(0, 0)).isTrue();
    assertThat(at(9_999, 0)).isFalse();
    assertThat(at(10_000, 0)).isTrue();
    assertThat(at(19_800, 0)).isFalse();
    assertThat(at(20_000, 0)).isTrue();
  }

  @Test
  void shouldEvaluateRecordsThatArriveWithinTheGapOnceTheGapHasPassed() {
    assertThat(at(0, 0)).isTrue();
    assertThat(at(3_000, 5)).isTrue(); // the first denials of a burst
    assertThat(at(3_300, 1)).isFalse(); // the crossing one, inside the gap
    assertThat(at(3_500, 0)).isFalse();
    // Nothing more arrives: the pending record is evaluated when the gap ends, not at t=13 s.
    assertThat(at(4_000, 0)).isTrue();
    assertThat(at(4_200, 0)).isFalse();
  }

  @Test
  void shouldEvaluateAtMostOncePerGapUnderASteadyStream() {
    int evaluations = 0;
    for (long t = 0; t < 10_000; t += 100) {
      if (at(t, 50)) {
        evaluations++;
      }
    }
    assertThat(evaluations).isEqualTo(10);
  }

  @Test
  void shouldCountTheNextTickFromAnEvaluationCausedByRecords() {
    assertThat(at(0, 0)).isTrue();
    assertThat(at(7_000, 1)).isTrue();
    assertThat(at(10_000, 0)).isFalse();
    assertThat(at(16_999, 0)).isFalse();
    assertThat(at(17_000, 0)).isTrue();
  }
}
