package io.relaywatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProbePlanTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void shouldSpreadProbesEvenlyAndLeaveTheTailFree() {
    ProbePlan plan = ProbePlan.spread(30, 90 * SECOND, 10 * SECOND);

    assertThat(plan.at(0)).isZero();
    assertThat(plan.at(1) - plan.at(0)).isEqualTo(plan.intervalNanos());
    assertThat(plan.at(29)).isLessThan(80 * SECOND);
    assertThat(plan.intervalNanos()).isEqualTo(80 * SECOND / 30);
  }

  @Test
  void shouldRefuseProbesLessThanASecondApart() {
    assertThatThrownBy(() -> ProbePlan.spread(100, 90 * SECOND, 10 * SECOND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 probes leave 0.80 s between them");
    assertThatThrownBy(() -> ProbePlan.spread(0, 90 * SECOND, 10 * SECOND))
        .hasMessageContaining("--probes must be at least 1, got 0");
  }
}
