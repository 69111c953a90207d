package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertmanagerReceiverTest {
  private final LoopbackServer server = LoopbackServer.start();
  private final HttpPost http =
      new HttpPost(HttpPost.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(5));
  private final Runbooks runbooks = new Runbooks("https://docs.example.net/runbooks/");

  @AfterEach
  void stop() {
    server.close();
  }

  private AlertmanagerReceiver receiver() {
    return new AlertmanagerReceiver("alertmanager-1", server.uri(""), http, runbooks);
  }

  private JsonNode postedAlert() throws Exception {
    LoopbackServer.Request r = server.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/api/v2/alerts");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    JsonNode array = Json.mapper().readTree(r.body());
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isEqualTo(1);
    return array.get(0);
  }

  @Test
  void shouldPostLabelsThatIdentifyTheVerdictAndSubject() throws Exception {
    assertThat(receiver().deliver(TestAlerts.firing("10.1.2.3")))
        .isInstanceOf(Delivery.Delivered.class);

    JsonNode alert = postedAlert();
    Map<String, String> labels = Json.mapper().convertValue(alert.get("labels"), Map.class);
    assertThat(labels)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "alertname", "trusted_sender_not_in_mynetworks",
                "verdict", "trusted_sender_not_in_mynetworks",
                "severity", "warning",
                "subject", "10.1.2.3",
                "client_ip", "10.1.2.3",
                "service", "relaywatch"));
    assertThat(alert.get("startsAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(alert.get("endsAt").asText()).isEqualTo("2026-11-28T10:04:00Z");
    assertThat(alert.get("generatorURL").asText())
        .isEqualTo("https://docs.example.net/runbooks/trusted_sender_not_in_mynetworks.md");
  }

  @Test
  void shouldCarryTheFixAndItsPartsInTheAnnotations() throws Exception {
    receiver().deliver(TestAlerts.firing("10.1.2.3"));

    JsonNode a = postedAlert().get("annotations");
    assertThat(a.get("summary").asText()).startsWith("10.1.2.3 sends as example.com");
    assertThat(a.get("description").asText())
        .contains("12 events from 2026-11-28T09:50Z to 2026-11-28T09:58:01Z");
    assertThat(a.get("fix").asText())
        .startsWith("Add 10.1.2.3/32 to mynetworks")
        .contains("Postfix:\n  postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128 10.1.2.3/32'")
        .contains("Client:\n  EMAIL_PORT = 587");
    assertThat(a.get("fix_postfix").asText())
        .isEqualTo(
            "postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128 10.1.2.3/32'\n"
                + "postfix check && postfix reload");
    assertThat(a.get("fix_exim").asText()).contains("relay_from_hosts");
    assertThat(a.has("fix_dovecot")).as("absent parts are left out").isFalse();
    assertThat(a.get("fix_client").asText()).isEqualTo("EMAIL_PORT = 587\nEMAIL_USE_TLS = True");
    assertThat(a.get("diagnostics").asText()).startsWith("postconf mynetworks\n");
    assertThat(a.get("evidence").asText()).isEqualTo(TestAlerts.EVIDENCE);
    assertThat(a.get("runbook_url").asText())
        .isEqualTo("https://docs.example.net/runbooks/trusted_sender_not_in_mynetworks.md");
  }

  @Test
  void shouldLeaveOutGeneratorUrlWhenRunbooksAreNotAbsoluteUrls() throws Exception {
    new AlertmanagerReceiver("alertmanager-1", server.uri(""), http, new Runbooks("docs/runbooks"))
        .deliver(TestAlerts.firing("10.1.2.3"));

    JsonNode alert = postedAlert();
    assertThat(alert.has("generatorURL")).isFalse();
    assertThat(alert.get("annotations").get("runbook_url").asText())
        .isEqualTo("docs/runbooks/trusted_sender_not_in_mynetworks.md");
  }

  @Test
  void shouldSendAResolvedAlertWithEndsAtInThePast() throws Exception {
    Instant resolvedAt = Instant.parse("2026-11-28T10:10:00Z");
    receiver().deliver(TestAlerts.resolved("10.1.2.3", resolvedAt));

    JsonNode alert = postedAlert();
    assertThat(alert.get("endsAt").asText()).isEqualTo("2026-11-28T10:10:00Z");
    assertThat(alert.get("labels").get("alertname").asText())
        .isEqualTo("trusted_sender_not_in_mynetworks");
  }

  @Test
  void shouldNeutraliseControlCharactersInEvidence() throws Exception {
    Alert a = TestAlerts.firing("10.1.2.3");
    var f = a.finding();
    var hostile =
        new io.relaywatch.events.Finding(
            f.verdict(),
            f.severity(),
            f.subject(),
            f.clientIp(),
            f.summary(),
            f.count(),
            f.firstSeen(),
            f.lastSeen(),
            List.of("helo=<\u001b[2J\u001b]0;pwned\u0007x\"}]\nFAKE: line>"),
            f.diagnostics(),
            f.fix());
    receiver().deliver(TestAlerts.withFinding(a, hostile));

    String evidence = postedAlert().get("annotations").get("evidence").asText();
    assertThat(evidence)
        .isEqualTo("helo=<\\x1b[2J\\x1b]0;pwned\\x07x\"}]\\nFAKE: line>")
        .doesNotContain("\u001b", "\n");
  }

  @Test
  void shouldTellRetryableFromPermanentFailures() {
    Alert alert = TestAlerts.firing("10.1.2.3");
    AlertmanagerReceiver r = receiver();
    server.answer(400);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Permanent.class);
    server.answer(422);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Permanent.class);
    server.answer(429);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Retryable.class);
    server.answer(500);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Retryable.class);
    server.answer(503);
    assertThat(r.deliver(alert)).isEqualTo(Delivery.retryable("HTTP 503: {\"status\":503}"));
  }

  @Test
  void shouldCallAnUnreachableReplicaRetryable() {
    URI nobody = URI.create("http://127.0.0.1:" + LoopbackServer.freePort());
    Delivery d =
        new AlertmanagerReceiver("alertmanager-2", nobody, http, runbooks)
            .deliver(TestAlerts.firing("10.1.2.3"));
    assertThat(d).isInstanceOf(Delivery.Retryable.class);
    assertThat(((Delivery.Retryable) d).reason()).contains("ConnectException");
  }

  @Test
  void shouldDeriveTheApiPathFromABaseUrl() {
    assertThat(AlertmanagerReceiver.endpoint(URI.create("http://am:9093")))
        .hasToString("http://am:9093/api/v2/alerts");
    assertThat(AlertmanagerReceiver.endpoint(URI.create("http://am:9093/")))
        .hasToString("http://am:9093/api/v2/alerts");
    assertThat(AlertmanagerReceiver.endpoint(URI.create("https://ops/alertmanager/")))
        .hasToString("https://ops/alertmanager/api/v2/alerts");
    assertThat(AlertmanagerReceiver.endpoint(URI.create("http://am:9093/api/v2/alerts")))
        .hasToString("http://am:9093/api/v2/alerts");
  }
}
