package io.relaywatch.alerts.notify;

import static io.relaywatch.alerts.notify.NotifierFixture.states;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.events.Alert;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outages and restarts: nothing submitted is lost, and each state arrives once. */
class DurableNotifierTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path stateDir;
  private final LoopbackServer server = LoopbackServer.start();
  private NotifierFixture fixture;

  private NotifierFixture fixture() {
    if (fixture == null) {
      fixture = new NotifierFixture(stateDir);
    }
    return fixture;
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    server.close();
  }

  private static List<Alert> alerts(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> TestAlerts.firing("10.1.2." + i)).toList();
  }

  private static List<String> expectedStates(List<Alert> alerts) {
    return alerts.stream().map(a -> a.finding().subject() + " " + a.endsAt()).toList();
  }

  @Test
  void shouldDeliverEveryStateOnceWhenAReceiverRecoversFrom503() {
    server.answer(503);
    NotifierFixture f = fixture();
    DurableNotifier notifier = f.start(f.alertmanager("alertmanager-1", server.uri("")));
    List<Alert> alerts = alerts(5);
    alerts.forEach(notifier::submit);

    await().atMost(DEADLINE).until(() -> server.requests().size() >= 4);
    assertThat(f.queue("alertmanager-1")).isEqualTo(5);
    server.answer(200);

    await().atMost(DEADLINE).until(() -> notifier.pending().get("alertmanager-1") == 0);
    assertThat(states(server.accepted()))
        .containsExactlyInAnyOrderElementsOf(expectedStates(alerts));
    assertThat(f.count("alertmanager-1", "delivered")).isEqualTo(5);
    assertThat(f.count("alertmanager-1", "retried")).isGreaterThanOrEqualTo(4);
    assertThat(f.queue("alertmanager-1")).isZero();
    assertThat(f.outboxFiles("alertmanager-1", ".json")).as("delivered states leave").isEmpty();
  }

  @Test
  void shouldDeliverOnceWhenAReceiverStartsListeningLater() {
    int port = LoopbackServer.freePort();
    NotifierFixture f = fixture();
    DurableNotifier notifier =
        f.start(f.alertmanager("alertmanager-1", URI.create("http://127.0.0.1:" + port)));
    notifier.submit(TestAlerts.firing("10.1.2.3"));

    await().atMost(DEADLINE).until(() -> f.count("alertmanager-1", "retried") >= 3);
    try (LoopbackServer late = LoopbackServer.start(port)) {
      await().atMost(DEADLINE).until(() -> notifier.pending().get("alertmanager-1") == 0);
      assertThat(states(late.requests()))
          .containsExactly("10.1.2.3 " + TestAlerts.firing("10.1.2.3").endsAt());
    }
  }

  @Test
  void shouldResumeUndeliveredStatesAfterARestart() {
    server.answer(503);
    NotifierFixture f = fixture();
    DurableNotifier first = f.start(f.alertmanager("alertmanager-1", server.uri("")));
    List<Alert> alerts = alerts(3);
    alerts.forEach(first::submit);
    await().atMost(DEADLINE).until(() -> server.requests().size() >= 2);
    first.close();
    assertThat(server.accepted()).isEmpty();
    assertThat(f.outboxFiles("alertmanager-1", ".json")).hasSize(3);

    server.answer(200);
    DurableNotifier second = f.start(f.alertmanager("alertmanager-1", server.uri("")));
    await().atMost(DEADLINE).until(() -> second.pending().get("alertmanager-1") == 0);
    assertThat(states(server.accepted()))
        .containsExactlyInAnyOrderElementsOf(expectedStates(alerts));
  }

  @Test
  void shouldNotResendADeliveredStateSubmittedAgain() {
    NotifierFixture f = fixture();
    DurableNotifier notifier = f.start(f.alertmanager("alertmanager-1", server.uri("")));
    Alert alert = TestAlerts.firing("10.1.2.3");
    notifier.submit(alert);
    await().atMost(DEADLINE).until(() -> f.count("alertmanager-1", "delivered") == 1);
    notifier.submit(alert);
    assertThat(f.count("alertmanager-1", "duplicate")).isEqualTo(1);
    assertThat(notifier.pending()).containsEntry("alertmanager-1", 0);

    Alert resent = TestAlerts.firing("10.1.2.3", TestAlerts.T0.plusSeconds(60));
    notifier.submit(resent);
    await().atMost(DEADLINE).until(() -> f.count("alertmanager-1", "delivered") == 2);
    assertThat(states(server.accepted()))
        .containsExactly("10.1.2.3 " + alert.endsAt(), "10.1.2.3 " + resent.endsAt());
  }

  @Test
  void shouldKeepOtherReplicasFlowingWhileOneIsDown() {
    try (LoopbackServer down = LoopbackServer.start()) {
      down.answer(503);
      NotifierFixture f = fixture();
      DurableNotifier notifier =
          f.start(
              f.alertmanager("alertmanager-1", down.uri("")),
              f.alertmanager("alertmanager-2", server.uri("")));
      alerts(3).forEach(notifier::submit);

      await().atMost(DEADLINE).until(() -> server.accepted().size() == 3);
      assertThat(notifier.pending()).containsEntry("alertmanager-1", 3);
      down.answer(200);
      await().atMost(DEADLINE).until(() -> notifier.pending().get("alertmanager-1") == 0);
      assertThat(down.accepted()).hasSize(3);
      assertThat(server.accepted()).hasSize(3);
    }
  }
}
