package io.relaywatch.alerts.service;

import static io.relaywatch.alerts.evidence.TestRecords.at;
import static io.relaywatch.alerts.evidence.TestRecords.denials;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.evidence.EvidenceLedger;
import io.relaywatch.alerts.evidence.LedgerLimits;
import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.RelayDenialAggregate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Records into the ledger, through an evaluator, into the lifecycle, as the service runs them:
 * timelines in seconds after t=0 with evaluations every 10 s and a ten-minute evaluation window.
 * The evaluator is a stand-in threshold rule, so these hold whatever the engine's rules are.
 */
class EvaluationCycleTest {
  private static final String PROBER = "203.0.113.7";
  private static final Duration WINDOW = Duration.ofMinutes(10);

  /** Fires {@code open_relay_probe} for a client with at least five denials in the window. */
  private static final Evaluator FIVE_DENIALS =
      e ->
          e instanceof ClientEvidence c && c.relayDenials() >= 5
              ? List.of(Findings.probe(c.clientIp()))
              : List.of();

  private final AtomicInteger evaluatorErrors = new AtomicInteger();
  private final TreeMap<Long, List<RelayDenialAggregate>> records = new TreeMap<>();

  @Test
  void shouldFireBetweenSixtyAndSixtyOneSecondsWhenTheThresholdIsCrossedAtSixty() {
    given(0, denials(PROBER, 0, 2));
    given(60, denials(PROBER, 60, 3));

    List<Timed> sent = run(FIVE_DENIALS, 200);

    assertThat(sent).isNotEmpty();
    assertThat(sent.get(0).second()).isBetween(60L, 61L);
    assertThat(sent.get(0).alert().status()).isEqualTo(AlertStatus.FIRING);
  }

  @Test
  void shouldResolveTheQuietPeriodAfterTheDenialsLeaveTheWindow() {
    // At t=0 five denials in the aggregate window [0, 60 s): they count until t=660.
    given(0, denials(PROBER, 0, 5));

    List<Timed> sent = run(FIVE_DENIALS, 1200);

    assertThat(sent)
        .extracting(s -> s.second() + " " + s.alert().status().wireName())
        .startsWith("0 firing", "60 firing")
        .endsWith("600 firing", "950 resolved");
  }

  @Test
  void shouldKeepEvaluatingTheOtherSubjectsWhenTheEvaluatorFailsOnOne() {
    given(0, denials("198.51.100.1", 0, 5), denials(PROBER, 0, 5));
    Evaluator failsOnOne =
        e -> {
          if (e.subject().equals("198.51.100.1")) {
            throw new IllegalStateException("bug");
          }
          return FIVE_DENIALS.evaluate(e);
        };

    List<Timed> sent = run(failsOnOne, 0);

    assertThat(sent).extracting(s -> s.alert().key()).containsExactly("open_relay_probe/" + PROBER);
    assertThat(evaluatorErrors).hasValue(1);
  }

  @Test
  void shouldStillFireWhenTheEvidenceArrivesLaterThanTheWindowIsLong() {
    // The pipeline stalled, then catches up: five denials logged at t=0 arrive at t=900.
    arriving(0, denials("198.51.100.1", 0, 1));
    arriving(900, denials(PROBER, 0, 5));

    List<Timed> sent = run(FIVE_DENIALS, 900);

    assertThat(sent)
        .extracting(s -> s.second() + " " + s.alert().status().wireName())
        .containsExactly("900 firing");
  }

  @Test
  void shouldResolveOnTheWallClockOnceThePipelineHasCaughtUp() {
    arriving(900, denials(PROBER, 0, 5));
    arriving(910, denials("198.51.100.1", 910, 1)); // caught up: evidence 0 s behind

    List<Timed> sent = run(FIVE_DENIALS, 1800);

    // From 910 the late denials are outside the window: resolved after resolveAfter, as always.
    assertThat(sent)
        .extracting(s -> s.second() + " " + s.alert().status().wireName())
        .containsExactly("900 firing", "1200 resolved");
  }

  private void given(long second, RelayDenialAggregate... aggregates) {
    records.put(second, List.of(aggregates));
  }

  /** Records that reach the service at {@code second}, whatever their event times. */
  private void arriving(long second, RelayDenialAggregate... aggregates) {
    given(second, aggregates);
  }

  private record Timed(long second, Alert alert) {}

  /** Feeds each record at its second and evaluates every 10 s, as the service's loop does. */
  private List<Timed> run(Evaluator evaluator, long until) {
    EvidenceLedger ledger =
        new EvidenceLedger(
            VerdictConfig.defaults(),
            new LedgerLimits(WINDOW, Duration.ofMinutes(1), 100),
            () -> {});
    EvaluationCycle cycle =
        new EvaluationCycle(
            ledger,
            evaluator,
            new AlertLifecycle(AlertTiming.DEFAULTS),
            evaluatorErrors::incrementAndGet);
    EvidenceClock clock = new EvidenceClock();
    List<Timed> sent = new ArrayList<>();
    for (long t = 0; t <= until; t += 10) {
      for (List<RelayDenialAggregate> arrived : records.subMap(t - 9, true, t, true).values()) {
        for (RelayDenialAggregate a : arrived) {
          ledger.add(a);
          clock.arrived(at(t), a.lastSeen());
        }
      }
      for (Alert a : cycle.run(clock.at(at(t)), at(t))) {
        sent.add(new Timed(t, a));
      }
    }
    return sent;
  }
}
