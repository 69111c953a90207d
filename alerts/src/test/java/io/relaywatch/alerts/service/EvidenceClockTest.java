package io.relaywatch.alerts.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EvidenceClockTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private final EvidenceClock clock = new EvidenceClock();

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static OffsetDateTime event(long seconds) {
    return OffsetDateTime.ofInstant(at(seconds), ZoneOffset.UTC);
  }

  @Test
  void shouldBeTheWallClockBeforeAnyEvidenceAndWhenEvidenceArrivesPromptly() {
    assertThat(clock.at(at(0))).isEqualTo(at(0));

    clock.arrived(at(10), event(10));

    assertThat(clock.at(at(10))).isEqualTo(at(10));
    assertThat(clock.behind()).isZero();
  }

  @Test
  void shouldHoldBackByTheDelayOfTheMostCaughtUpRecentArrival() {
    clock.arrived(at(1000), event(400)); // a backlog 10 minutes behind
    clock.arrived(at(1001), event(996)); // another host's line, 5 s behind

    assertThat(clock.at(at(1002))).isEqualTo(at(997));
  }

  @Test
  void shouldForgetDelaysOlderThanItsMemory() {
    clock.arrived(at(1000), event(995));
    clock.arrived(at(1040), event(440)); // 10 minutes behind, and the only arrival of the memory

    assertThat(clock.at(at(1040))).isEqualTo(at(440));
  }

  @Test
  void shouldKeepTheLastDelayWhileNothingArrives() {
    clock.arrived(at(1000), event(400));

    assertThat(clock.at(at(1000))).isEqualTo(at(400));
    assertThat(clock.at(at(1300))).isEqualTo(at(700));
    assertThat(clock.behind()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldJumpForwardOnceCaughtUpAndBackWhenTheNextBacklogArrives() {
    clock.arrived(at(1000), event(400));
    assertThat(clock.at(at(1000))).isEqualTo(at(400));

    clock.arrived(at(1010), event(1010));
    assertThat(clock.at(at(1010))).isEqualTo(at(1010));

    clock.arrived(at(1050), event(450)); // after a stall, evidence ten minutes old comes in
    assertThat(clock.at(at(1050))).isEqualTo(at(450));
  }

  @Test
  void shouldNeverHoldBackMoreThanADayNorForEventsFromTheFuture() {
    clock.arrived(at(0), event(-3 * 86_400)); // a host whose clock is three days behind
    assertThat(clock.at(at(0))).isEqualTo(at(-86_400));

    EvidenceClock ahead = new EvidenceClock();
    ahead.arrived(at(0), event(3_600)); // a host whose clock is an hour ahead
    assertThat(ahead.at(at(0))).isEqualTo(at(0));
  }
}
