package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerDutyReceiverTest {
  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";

  private final LoopbackServer server = LoopbackServer.start();
  private final HttpPost http =
      new HttpPost(HttpPost.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    server.close();
  }

  private PagerDutyReceiver receiver(Runbooks runbooks) {
    return new PagerDutyReceiver(
        server.uri("/v2/enqueue"), new Secret(ROUTING_KEY), "mx1.example.com", http, runbooks);
  }

  private JsonNode lastEvent() throws Exception {
    var requests = server.requests();
    LoopbackServer.Request r = requests.get(requests.size() - 1);
    assertThat(r.path()).isEqualTo("/v2/enqueue");
    return Json.mapper().readTree(r.body());
  }

  @Test
  void shouldTriggerWithTheDocumentedPayload() throws Exception {
    server.answer(202);
    Delivery d =
        receiver(new Runbooks(Runbooks.DEFAULT_BASE)).deliver(TestAlerts.firing("10.1.2.3"));

    assertThat(d).isInstanceOf(Delivery.Delivered.class);
    JsonNode e = lastEvent();
    assertThat(e.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(e.get("event_action").asText()).isEqualTo("trigger");
    assertThat(e.get("dedup_key").asText())
        .isEqualTo("relaywatch/trusted_sender_not_in_mynetworks/10.1.2.3");
    JsonNode p = e.get("payload");
    assertThat(p.get("summary").asText()).startsWith("10.1.2.3 sends as example.com");
    assertThat(p.get("source").asText()).isEqualTo("mx1.example.com");
    assertThat(p.get("severity").asText()).isEqualTo("warning");
    assertThat(p.get("timestamp").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(p.get("component").asText()).isEqualTo("10.1.2.3");
    assertThat(p.get("group").asText()).isEqualTo("relaywatch");
    assertThat(p.get("class").asText()).isEqualTo("trusted_sender_not_in_mynetworks");
    JsonNode details = p.get("custom_details");
    assertThat(details.get("fix").asText()).contains("postfix check && postfix reload");
    assertThat(details.get("fix_parts").get("postfix").get(0).asText())
        .isEqualTo("postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128 10.1.2.3/32'");
    assertThat(details.get("evidence").get(0).asText()).isEqualTo(TestAlerts.EVIDENCE);
    assertThat(details.get("diagnostics").get(0).asText()).isEqualTo("postconf mynetworks");
    assertThat(e.get("links").get(0).get("href").asText())
        .isEqualTo(
            "https://github.com/relaywatch/relaywatch/blob/main/docs/runbooks/"
                + "trusted_sender_not_in_mynetworks.md");
  }

  @Test
  void shouldResolveWithTheSameDedupKeyAsTheTrigger() throws Exception {
    server.answer(202);
    PagerDutyReceiver r = receiver(new Runbooks(Runbooks.DEFAULT_BASE));
    r.deliver(TestAlerts.firing("10.1.2.3"));
    String triggerKey = lastEvent().get("dedup_key").asText();
    r.deliver(TestAlerts.firing("10.1.2.3", TestAlerts.T0.plusSeconds(60)));
    String resendKey = lastEvent().get("dedup_key").asText();
    r.deliver(TestAlerts.resolved("10.1.2.3", Instant.parse("2026-11-28T10:10:00Z")));

    JsonNode resolve = lastEvent();
    assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.get("dedup_key").asText()).isEqualTo(triggerKey).isEqualTo(resendKey);
    assertThat(resolve.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(resolve.has("payload")).isFalse();
  }

  @Test
  void shouldLeaveOutLinksThatABrowserCannotFollow() throws Exception {
    server.answer(202);
    receiver(new Runbooks("docs/runbooks")).deliver(TestAlerts.firing("10.1.2.3"));
    assertThat(lastEvent().has("links")).isFalse();
    assertThat(lastEvent().get("payload").get("custom_details").get("runbook_url").asText())
        .isEqualTo("docs/runbooks/trusted_sender_not_in_mynetworks.md");
  }

  @Test
  void shouldCutTheSummaryToPagerDutysLimit() throws Exception {
    server.answer(202);
    Alert a = TestAlerts.firing("10.1.2.3");
    Finding f = a.finding();
    Finding longOne =
        new Finding(
            f.verdict(),
            f.severity(),
            f.subject(),
            f.clientIp(),
            "x".repeat(5000),
            f.count(),
            f.firstSeen(),
            f.lastSeen(),
            f.evidence(),
            f.diagnostics(),
            f.fix());
    receiver(new Runbooks(Runbooks.DEFAULT_BASE)).deliver(TestAlerts.withFinding(a, longOne));
    assertThat(lastEvent().get("payload").get("summary").asText()).hasSize(1024).endsWith("...");
  }

  @Test
  void shouldHashDedupKeysThatWouldExceedTheLimit() {
    String longKey = "domain_not_accepted/" + "a".repeat(300) + ".example";
    String dedup = PagerDutyReceiver.dedupKey(longKey);
    assertThat(dedup).hasSizeLessThanOrEqualTo(255).startsWith("relaywatch/sha256:");
    assertThat(PagerDutyReceiver.dedupKey(longKey)).isEqualTo(dedup);
    assertThat(PagerDutyReceiver.dedupKey(longKey + "x")).isNotEqualTo(dedup);
  }

  @Test
  void shouldClassifyPagerDutyAnswers() {
    PagerDutyReceiver r = receiver(new Runbooks(Runbooks.DEFAULT_BASE));
    Alert alert = TestAlerts.firing("10.1.2.3");
    server.answer(202);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Delivered.class);
    server.answer(400);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Permanent.class);
    server.answer(429);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Retryable.class);
    server.answer(502);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Retryable.class);
  }

  @Test
  void shouldNeverShowTheRoutingKeyInText() {
    Secret secret = new Secret(ROUTING_KEY);
    var config =
        new NotifyConfig.PagerDuty(PagerDutyReceiver.DEFAULT_URL, secret, "mx1.example.com");
    assertThat(config.toString()).doesNotContain(ROUTING_KEY).contains("[redacted]");
  }
}
