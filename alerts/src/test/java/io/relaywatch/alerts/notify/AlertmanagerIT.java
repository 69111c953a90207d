package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.client.CollectorRegistry;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alertmanager receiver against a real Alertmanager: alerts show up with their labels and fix,
 * resolve, and survive Alertmanager being down. The outage lasts {@code
 * -Drelaywatch.it.alertmanagerDownSeconds} (60 by default, as issue 5 asks).
 */
class AlertmanagerIT {
  private static final Duration DOWN =
      Duration.ofSeconds(Integer.getInteger("relaywatch.it.alertmanagerDownSeconds", 60));
  private static final String SUBJECT = "10.20.30.40";

  @TempDir Path tmp;

  @BeforeEach
  void requireAlertmanager() {
    Assumptions.assumeTrue(
        AlertmanagerProcess.installed(),
        AlertmanagerProcess.BINARY
            + " is missing: apt-get install prometheus-alertmanager (.ci/run installs it)");
  }

  private DurableNotifier notifier(int port, CollectorRegistry registry) {
    Settings settings =
        Settings.load(
            null,
            Map.of(),
            Map.of(
                "alerts.alertmanager.urls",
                "http://127.0.0.1:" + port,
                "alerts.stateDir",
                tmp.resolve("state").toString(),
                "alerts.retry.initial",
                "200ms",
                // Shorter than the 60 s default so the alert lands seconds after Alertmanager is
                // back.
                "alerts.retry.max",
                "5s"));
    return DurableNotifier.start(NotifyConfig.from(settings), registry, System.out);
  }

  private static Alert firing(Instant startsAt) {
    Finding f = TestAlerts.finding(SUBJECT);
    Instant now = Instant.now();
    return new Alert(
        f.key(), AlertStatus.FIRING, startsAt, now.plus(Duration.ofMinutes(4)), now, f);
  }

  private static Alert resolved(Instant startsAt) {
    Finding f = TestAlerts.finding(SUBJECT);
    Instant now = Instant.now();
    return new Alert(f.key(), AlertStatus.RESOLVED, startsAt, now.minusSeconds(1), now, f);
  }

  private static List<JsonNode> alertsFor(AlertmanagerProcess am, String query) throws Exception {
    String filter = URLEncoder.encode("subject=\"" + SUBJECT + "\"", StandardCharsets.UTF_8);
    var response = am.get("/api/v2/alerts?filter=" + filter + query);
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    Json.mapper().readTree(response.body()).forEach(out::add);
    return out;
  }

  @Test
  void shouldShowTheFiringAlertWithItsFixAndThenResolveIt() throws Exception {
    int port = LoopbackServer.freePort();
    try (AlertmanagerProcess am = AlertmanagerProcess.start(tmp.resolve("am"), port);
        DurableNotifier notifier = notifier(port, new CollectorRegistry())) {
      Instant startsAt = Instant.now().minusSeconds(60);
      notifier.submit(firing(startsAt));

      await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(am, "").size() == 1);
      JsonNode shown = alertsFor(am, "").get(0);
      assertThat(Json.mapper().convertValue(shown.get("labels"), Map.class))
          .containsEntry("alertname", "trusted_sender_not_in_mynetworks")
          .containsEntry("severity", "warning")
          .containsEntry("client_ip", SUBJECT)
          .containsEntry("service", "relaywatch");
      assertThat(shown.get("annotations").get("fix").asText())
          .contains("postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128 10.20.30.40/32'");
      assertThat(shown.get("annotations").get("fix_postfix").asText())
          .endsWith("postfix check && postfix reload");

      notifier.submit(resolved(startsAt));
      await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(am, "&active=true").isEmpty());
      assertThat(alertsFor(am, "")).as("resolved alerts are not listed at all").isEmpty();
    }
  }

  @Test
  void shouldDeliverTheAlertOnceAfterAlertmanagerWasDown() throws Exception {
    int port = LoopbackServer.freePort();
    CollectorRegistry registry = new CollectorRegistry();
    try (DurableNotifier notifier = notifier(port, registry)) {
      notifier.submit(firing(Instant.now()));

      await("alert held while Alertmanager is down")
          .during(DOWN)
          .atMost(DOWN.plusSeconds(10))
          .until(() -> notifier.pending().get("alertmanager-1") == 1);
      assertThat(count(registry, "retried")).isGreaterThanOrEqualTo(3);

      try (AlertmanagerProcess am = AlertmanagerProcess.start(tmp.resolve("am"), port)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsFor(am, "").size() == 1);
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> notifier.pending().get("alertmanager-1") == 0);
        assertThat(alertsFor(am, "")).extracting(a -> a.get("fingerprint").asText()).hasSize(1);
        assertThat(received(am)).as("alerts Alertmanager received over its API").isEqualTo(1);
        assertThat(count(registry, "delivered")).isEqualTo(1);
      }
    }
  }

  private static double count(CollectorRegistry registry, String outcome) {
    Double v =
        registry.getSampleValue(
            "relaywatch_alerts_notifications_total",
            new String[] {"receiver", "outcome"},
            new String[] {"alertmanager-1", outcome});
    return v == null ? 0 : v;
  }

  // alertmanager_alerts_received_total counts every alert posted to the API, duplicates included.
  private static double received(AlertmanagerProcess am) throws Exception {
    return am.get("/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("alertmanager_alerts_received_total{"))
        .filter(l -> l.contains("status=\"firing\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
