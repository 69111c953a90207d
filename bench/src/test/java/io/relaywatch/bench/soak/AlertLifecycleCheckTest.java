package io.relaywatch.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertLifecycleCheckTest {
  private static final String PROBE = "open_relay_probe/100.64.7.1";
  private static final String QUIET = "open_relay_probe/100.64.7.9";
  private static final Instant T0 = Instant.parse("2026-11-28T18:00:00Z");
  private static final Instant STOPPED = T0.plusSeconds(120);

  @Test
  void shouldPassOneLifecycleReSentAcrossRestartsAndListedByAlertmanager() {
    List<AlertState> webhook =
        List.of(
            state("1", PROBE, "firing", T0, 0),
            state("2", PROBE, "firing", T0, 15),
            state("2", PROBE, "firing", T0, 15),
            state("3", PROBE, "firing", T0, 30));

    AlertLifecycleCheck.Result result = check(Set.of(PROBE), Set.of(), webhook, am(PROBE, T0));

    assertThat(result.problems()).isEmpty();
    assertThat(result.lifecycles()).isEqualTo(1);
    assertThat(result.redeliveries()).isEqualTo(1);
  }

  @Test
  void shouldFailASecondStartsAtForOneKey() {
    List<AlertState> webhook =
        List.of(
            state("1", PROBE, "firing", T0, 0),
            state("2", PROBE, "firing", T0.plusSeconds(40), 40));

    AlertLifecycleCheck.Result result = check(Set.of(PROBE), Set.of(), webhook, am(PROBE, T0));

    assertThat(result.passed()).isFalse();
    assertThat(result.problems()).anyMatch(p -> p.contains("2 lifecycles"));
  }

  @Test
  void shouldFailFiringAgainAfterResolving() {
    List<AlertState> webhook =
        List.of(
            state("1", QUIET, "firing", T0, 0),
            state("2", QUIET, "resolved", T0, 30),
            state("3", QUIET, "firing", T0, 45),
            state("4", QUIET, "resolved", T0, 90));

    AlertLifecycleCheck.Result result = check(Set.of(), Set.of(QUIET), webhook, am(QUIET, T0));

    assertThat(result.problems()).anyMatch(p -> p.contains("fired again after resolving"));
  }

  @Test
  void shouldFailASteadyProbersAlertThatResolvedBeforeTheWriterStopped() {
    List<AlertState> webhook =
        List.of(state("1", PROBE, "firing", T0, 0), state("2", PROBE, "resolved", T0, 60));

    AlertLifecycleCheck.Result result = check(Set.of(PROBE), Set.of(), webhook, am(PROBE, T0));

    assertThat(result.problems()).anyMatch(p -> p.contains("resolved while its prober"));
  }

  @Test
  void shouldFailAQuietProbersAlertStillFiring() {
    List<AlertState> webhook = List.of(state("1", QUIET, "firing", T0, 0));

    AlertLifecycleCheck.Result result = check(Set.of(), Set.of(QUIET), webhook, am(QUIET, T0));

    assertThat(result.problems()).anyMatch(p -> p.contains("still firing"));
  }

  @Test
  void shouldFailAnAlertMissingFromTheWebhookOrFromAlertmanager() {
    List<AlertState> webhook = List.of(state("1", PROBE, "firing", T0, 0));

    AlertLifecycleCheck.Result result = check(Set.of(PROBE, QUIET), Set.of(), webhook, List.of());

    assertThat(result.problems())
        .contains(
            QUIET + ": never delivered to the webhook", PROBE + ": never listed by Alertmanager");
    assertThat(result.delivered()).isEqualTo(1);
  }

  @Test
  void shouldFailWhenAlertmanagerListsAnotherStartsAt() {
    List<AlertState> webhook = List.of(state("1", PROBE, "firing", T0, 0));

    AlertLifecycleCheck.Result result =
        check(Set.of(PROBE), Set.of(), webhook, am(PROBE, T0.plusSeconds(70)));

    assertThat(result.problems()).anyMatch(p -> p.contains("Alertmanager listed startsAt"));
  }

  @Test
  void shouldReportKeysNobodyExpectedWithoutFailing() {
    List<AlertState> webhook =
        List.of(state("1", PROBE, "firing", T0, 0), state("9", "x/y", "firing", T0, 0));

    AlertLifecycleCheck.Result result = check(Set.of(PROBE), Set.of(), webhook, am(PROBE, T0));

    assertThat(result.passed()).isTrue();
    assertThat(result.unexpectedKeys()).containsExactly("x/y");
  }

  private static AlertLifecycleCheck.Result check(
      Set<String> steady, Set<String> quiet, List<AlertState> webhook, List<AlertState> am) {
    return AlertLifecycleCheck.check(steady, quiet, STOPPED, webhook, am);
  }

  private static AlertState state(
      String id, String key, String status, Instant startsAt, long updatedAfter) {
    Instant updated = T0.plusSeconds(updatedAfter);
    return new AlertState(id, key, status, startsAt, updated, updated);
  }

  private static List<AlertState> am(String key, Instant startsAt) {
    return List.of(new AlertState(null, key, "firing", startsAt, T0, T0));
  }
}
