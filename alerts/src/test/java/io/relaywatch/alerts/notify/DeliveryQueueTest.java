package io.relaywatch.alerts.notify;

import static io.relaywatch.alerts.notify.NotifierFixture.states;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.events.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which state of an alert gets delivered: newest wins, permanent failures are dropped. */
class DeliveryQueueTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir Path stateDir;
  private final LoopbackServer server = LoopbackServer.start();
  private NotifierFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
    server.close();
  }

  private DurableNotifier start() {
    f = new NotifierFixture(stateDir);
    return f.start(f.alertmanager("alertmanager-1", server.uri("")));
  }

  @Test
  void shouldDeliverOnlyTheNewerStateWhenItSupersedesAnUndeliveredOne() {
    server.answer(503);
    DurableNotifier notifier = start();
    Alert firing = TestAlerts.firing("10.1.2.3");
    Alert resolved = TestAlerts.resolved("10.1.2.3", Instant.parse("2026-11-28T10:10:00Z"));
    notifier.submit(firing);
    await().atMost(DEADLINE).until(() -> !server.requests().isEmpty());

    notifier.submit(resolved);
    String resolvedState = "10.1.2.3 " + resolved.endsAt();
    // Once the resolved state has been on the wire, the firing one can never be sent again.
    await().atMost(DEADLINE).until(() -> states(server.requests()).contains(resolvedState));
    server.answer(200);

    await().atMost(DEADLINE).until(() -> notifier.pending().get("alertmanager-1") == 0);
    assertThat(states(server.accepted())).containsExactly(resolvedState);
    assertThat(f.count("alertmanager-1", "superseded")).isEqualTo(1);
  }

  @Test
  void shouldIgnoreAnOlderStateArrivingAfterANewerOne() {
    DurableNotifier notifier = start();
    Alert newer = TestAlerts.firing("10.1.2.3", TestAlerts.T0.plusSeconds(120));
    notifier.submit(newer);
    await().atMost(DEADLINE).until(() -> f.count("alertmanager-1", "delivered") == 1);

    notifier.submit(TestAlerts.firing("10.1.2.3", TestAlerts.T0));
    assertThat(notifier.pending()).containsEntry("alertmanager-1", 0);
    assertThat(f.count("alertmanager-1", "superseded")).isEqualTo(1);
    assertThat(states(server.requests())).containsExactly("10.1.2.3 " + newer.endsAt());
  }

  @Test
  void shouldDropAPermanentlyRefusedStateAndCarryOn() {
    server.answer(r -> r.text().contains("10.6.6.6") ? 400 : 200);
    DurableNotifier notifier = start();
    notifier.submit(TestAlerts.firing("10.6.6.6"));
    notifier.submit(TestAlerts.firing("10.1.2.3"));

    await().atMost(DEADLINE).until(() -> f.count("alertmanager-1", "delivered") == 1);
    await().atMost(DEADLINE).until(() -> notifier.pending().get("alertmanager-1") == 0);
    assertThat(states(server.requests()))
        .filteredOn(s -> s.startsWith("10.6.6.6"))
        .as("a permanent failure is not retried")
        .hasSize(1);
    assertThat(f.count("alertmanager-1", "failed_permanent")).isEqualTo(1);
    assertThat(f.count("alertmanager-1", "retried")).isZero();
    assertThat(f.outboxFiles("alertmanager-1", ".json")).isEmpty();
  }

  @Test
  void shouldSetAsideAnUnreadableOutboxFileAndDeliverTheRest() throws Exception {
    Path dir = Files.createDirectories(stateDir.resolve("outbox").resolve("alertmanager-1"));
    Files.writeString(dir.resolve("0123.json"), "{\"format\":1,\"alert\":{tru");
    Files.writeString(dir.resolve("0123.json.4567.tmp"), "half written");
    server.answer(503);
    DurableNotifier notifier = start();
    notifier.submit(TestAlerts.firing("10.1.2.3"));
    notifier.close();
    server.answer(200);

    DurableNotifier again = f.start(f.alertmanager("alertmanager-1", server.uri("")));
    await().atMost(DEADLINE).until(() -> again.pending().get("alertmanager-1") == 0);
    assertThat(dir.resolve("0123.json.corrupt")).exists();
    assertThat(dir.resolve("0123.json.4567.tmp")).doesNotExist();
    assertThat(server.accepted()).hasSize(1);
  }

  @Test
  void shouldMeasureTheDelayFromSubmitToDelivery() {
    DurableNotifier notifier = start();
    notifier.submit(TestAlerts.firing("10.1.2.3"));
    await().atMost(DEADLINE).until(() -> f.count("alertmanager-1", "delivered") == 1);
    Double observed =
        f.registry()
            .getSampleValue(
                "relaywatch_alerts_notification_delay_seconds_count",
                new String[] {"receiver"},
                new String[] {"alertmanager-1"});
    assertThat(observed).isEqualTo(1.0);
  }
}
