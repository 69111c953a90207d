package io.relaywatch.alerts.service;

import static io.relaywatch.alerts.evidence.TestRecords.at;
import static io.relaywatch.alerts.service.Findings.backendDown;
import static io.relaywatch.alerts.service.Findings.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alert lifecycle as timelines, seconds after t=0, with the defaults: evaluations every 10 s,
 * re-sent every minute with {@code endsAt} four minutes ahead, resolved after five quiet minutes.
 */
class AlertLifecycleTest {
  private static final AlertTiming DEFAULTS = AlertTiming.DEFAULTS;
  private static final Finding PROBE = probe("203.0.113.7");

  @Test
  void shouldFireAtOnceResendEveryMinuteAndResolveFiveMinutesAfterTheLastFinding() {
    // At t=0 the finding appears; the last evaluation to produce it is at t=300.
    Timeline t = new Timeline(DEFAULTS).at(0, PROBE).at(301).runUntil(1200);

    assertThat(t.briefs(PROBE))
        .containsExactly(
            "0 firing",
            "60 firing",
            "120 firing",
            "180 firing",
            "240 firing",
            "300 firing",
            "600 resolved");
    assertThat(t.sent(PROBE)).allSatisfy(s -> assertThat(s.startsAt()).isZero());
    assertThat(t.sent(PROBE))
        .filteredOn(s -> s.status() == AlertStatus.FIRING)
        .allSatisfy(s -> assertThat(s.endsAt()).isEqualTo(s.second() + 240));
    assertThat(t.sent(PROBE).get(6).endsAt()).isEqualTo(600);
    assertThat(t.lifecycle().firing()).isEmpty();
  }

  @Test
  void shouldFireBetweenSixtyAndSixtyOneSecondsWhenTheFindingAppearsAtSixty() {
    // The engine's threshold is crossed by the denials of t=60: its finding appears then.
    Timeline t = new Timeline(DEFAULTS).at(60, PROBE).runUntil(200);

    Timeline.Sent first = t.sent(PROBE).get(0);
    assertThat(first.second()).isBetween(60L, 61L);
    assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(first.startsAt()).isEqualTo(first.second());
  }

  @Test
  void shouldNotResolveWhenTheFindingIsAbsentForLessThanTheQuietPeriod() {
    Timeline t = new Timeline(DEFAULTS).at(0, PROBE).at(100).at(350, PROBE).runUntil(400);

    assertThat(t.briefs(PROBE))
        .containsExactly("0 firing", "60 firing", "350 firing")
        .doesNotContain("390 resolved");
    assertThat(t.sent(PROBE)).allSatisfy(s -> assertThat(s.startsAt()).isZero());
  }

  @Test
  void shouldStartANewAlertWhenTheFindingReturnsAfterResolution() {
    Timeline t = new Timeline(DEFAULTS).at(0, PROBE).at(10).at(900, PROBE).runUntil(900);

    assertThat(t.briefs(PROBE)).containsExactly("0 firing", "300 resolved", "900 firing");
    assertThat(t.sent(PROBE).get(2).startsAt()).isEqualTo(900);
  }

  @Test
  void shouldResendAtOnceWhenTheSeverityChanges() {
    Finding warning = probe("203.0.113.7", Severity.WARNING);
    Timeline t = new Timeline(DEFAULTS).at(0, warning).at(20, PROBE).runUntil(30);

    assertThat(t.sent(PROBE))
        .extracting(s -> s.second() + " " + s.alert().finding().severity().wireName())
        .containsExactly("0 warning", "20 critical");
    assertThat(t.sent(PROBE).get(1).startsAt()).isZero();
  }

  @Test
  void shouldFollowEachVerdictAndSubjectOnItsOwn() {
    Finding other = probe("198.51.100.9");
    Finding host = backendDown("mx1");
    Timeline t = new Timeline(DEFAULTS).at(0, PROBE, host).at(30, PROBE, host, other).at(40, other);

    t.runUntil(400);

    assertThat(t.briefs(PROBE)).containsExactly("0 firing", "330 resolved");
    assertThat(t.briefs(host)).containsExactly("0 firing", "330 resolved");
    assertThat(t.briefs(other)).startsWith("30 firing", "90 firing");
  }

  @Test
  void shouldSendOneStatePerKeyWhenAnEvaluationProducesTheFindingTwice() {
    AlertLifecycle lifecycle = new AlertLifecycle(DEFAULTS);

    List<Alert> sent = lifecycle.evaluate(List.of(PROBE, probe("203.0.113.7")), at(0));

    assertThat(sent).hasSize(1);
  }

  @Test
  void shouldCarryOnWithARestoredFiringAlertWithoutRestartingIt() {
    AlertLifecycle before = new AlertLifecycle(DEFAULTS);
    Alert lastWritten = before.evaluate(List.of(PROBE), at(0)).get(0);
    lastWritten = before.evaluate(List.of(PROBE), at(60)).get(0);

    // Restarted at t=90: the alert as last written is restored before the first evaluation.
    AlertLifecycle after = new AlertLifecycle(DEFAULTS);
    after.restore(lastWritten);
    List<Alert> at90 = after.evaluate(List.of(PROBE), at(90));
    List<Alert> at120 = after.evaluate(List.of(PROBE), at(120));

    assertThat(after.firing())
        .singleElement()
        .satisfies(a -> assertThat(a.startsAt()).isEqualTo(at(0)));
    assertThat(at90).as("nothing is sent before the re-send is due").isEmpty();
    assertThat(at120).singleElement().satisfies(a -> assertThat(a.startsAt()).isEqualTo(at(0)));
  }

  @Test
  void shouldResolveARestoredAlertWhoseFindingNeverReturns() {
    AlertLifecycle lifecycle = new AlertLifecycle(DEFAULTS);
    Alert firing = lifecycle.evaluate(List.of(PROBE), at(0)).get(0);
    AlertLifecycle restarted = new AlertLifecycle(DEFAULTS);
    restarted.restore(firing);

    assertThat(restarted.evaluate(List.of(), at(299))).isEmpty();
    assertThat(restarted.evaluate(List.of(), at(300)))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED);
              assertThat(a.startsAt()).isEqualTo(at(0));
              assertThat(a.endsAt()).isEqualTo(at(300));
            });
  }

  @Test
  void shouldForgetARestoredResolvedAlert() {
    AlertLifecycle lifecycle = new AlertLifecycle(DEFAULTS);
    lifecycle.evaluate(List.of(PROBE), at(0));
    Alert resolved = lifecycle.evaluate(List.of(), at(300)).get(0);
    AlertLifecycle restarted = new AlertLifecycle(DEFAULTS);
    restarted.restore(resolved);

    assertThat(restarted.firing()).isEmpty();
    assertThat(restarted.evaluate(List.of(PROBE), at(400)))
        .singleElement()
        .satisfies(a -> assertThat(a.startsAt()).isEqualTo(at(400)));
  }

  @Test
  void shouldHonourConfiguredIntervals() {
    AlertTiming fast =
        new AlertTiming(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(3));
    Timeline t = new Timeline(fast).at(0, PROBE).at(11).runUntil(30);

    assertThat(t.briefs(PROBE)).containsExactly("0 firing", "5 firing", "10 firing", "13 resolved");
    assertThat(t.sent(PROBE).get(1).endsAt()).isEqualTo(5 + 20);
  }
}
