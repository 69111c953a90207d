package io.relaywatch.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private static final Duration RUN = Duration.ofMinutes(2);

  @Test
  void shouldKillEachRoleInItsOwnSlotAndRestartEachBackendOnceInsideTheMiddleOfTheRun() {
    for (long seed = 0; seed < 200; seed++) {
      FaultPlan plan =
          FaultPlan.draw(seed, RUN, List.of("ship", "streams"), 2, List.of("kafka", "am"));

      assertThat(plan.faults()).hasSize(6).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
      assertThat(plan.faults())
          .allMatch(f -> f.at().compareTo(Duration.ofSeconds(12)) >= 0)
          .allMatch(f -> f.at().compareTo(Duration.ofSeconds(96)) < 0);
      List<FaultPlan.Fault> ship =
          plan.faults().stream().filter(f -> f.role().equals("ship")).toList();
      assertThat(ship).extracting(FaultPlan.Fault::kind).containsOnly(FaultPlan.Kind.KILL);
      assertThat(ship.get(0).at()).isLessThan(Duration.ofSeconds(54));
      assertThat(ship.get(1).at()).isGreaterThanOrEqualTo(Duration.ofSeconds(54));
      assertThat(plan.faults().stream().filter(f -> f.role().equals("kafka")))
          .singleElement()
          .extracting(FaultPlan.Fault::kind)
          .isEqualTo(FaultPlan.Kind.RESTART);
    }
  }

  @Test
  void shouldDrawTheSamePlanForTheSameSeedAndAnotherForAnother() {
    FaultPlan one = FaultPlan.draw(7, RUN, List.of("ship"), 2, List.of("kafka"));

    assertThat(FaultPlan.draw(7, RUN, List.of("ship"), 2, List.of("kafka"))).isEqualTo(one);
    assertThat(FaultPlan.draw(8, RUN, List.of("ship"), 2, List.of("kafka"))).isNotEqualTo(one);
  }

  @Test
  void shouldKillOnceAMinuteAndAtLeastTwice() {
    assertThat(FaultPlan.killsFor(Duration.ofMinutes(1))).isEqualTo(2);
    assertThat(FaultPlan.killsFor(Duration.ofMinutes(2))).isEqualTo(2);
    assertThat(FaultPlan.killsFor(Duration.ofMinutes(10))).isEqualTo(10);
  }
}
