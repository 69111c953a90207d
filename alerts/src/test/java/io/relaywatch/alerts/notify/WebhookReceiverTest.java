package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
  private static final String SECRET = "correct horse battery staple";
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:05Z");

  private final LoopbackServer server = LoopbackServer.start();
  private final HttpPost http =
      new HttpPost(HttpPost.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(5));
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void stop() {
    server.close();
  }

  private WebhookReceiver receiver(Secret secret) {
    return new WebhookReceiver("webhook-1", server.uri("/hook"), secret, http, clock);
  }

  @Test
  void shouldPostTheAlertInAVersionedEnvelope() throws Exception {
    Alert alert = TestAlerts.firing("10.1.2.3");
    assertThat(receiver(null).deliver(alert)).isInstanceOf(Delivery.Delivered.class);

    JsonNode body = Json.mapper().readTree(server.requests().get(0).body());
    assertThat(body.fieldNames()).toIterable().containsExactly("version", "id", "alert");
    assertThat(body.get("version").asText()).isEqualTo("1");
    assertThat(body.get("id").asText()).hasSize(32).isEqualTo(WebhookReceiver.stateId(alert));
    assertThat(Json.mapper().treeToValue(body.get("alert"), Alert.class)).isEqualTo(alert);
    assertThat(body.get("alert").get("finding").get("fix").get("exim").get(0).asText())
        .contains("relay_from_hosts");
  }

  @Test
  void shouldSignTimestampAndBodySoTheReceiverCanVerify() {
    receiver(new Secret(SECRET)).deliver(TestAlerts.firing("10.1.2.3"));

    LoopbackServer.Request r = server.requests().get(0);
    String timestamp = r.header(WebhookSignature.TIMESTAMP_HEADER);
    String signature = r.header(WebhookSignature.SIGNATURE_HEADER);
    assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(signature).matches("sha256=[0-9a-f]{64}");
    assertThat(WebhookSignature.verify(SECRET, Long.parseLong(timestamp), r.body(), signature))
        .isTrue();
  }

  @Test
  void shouldFailVerificationForATamperedBodyTimestampOrSecret() {
    receiver(new Secret(SECRET)).deliver(TestAlerts.firing("10.1.2.3"));
    LoopbackServer.Request r = server.requests().get(0);
    long ts = Long.parseLong(r.header(WebhookSignature.TIMESTAMP_HEADER));
    String signature = r.header(WebhookSignature.SIGNATURE_HEADER);

    byte[] tampered = Arrays.copyOf(r.body(), r.body().length);
    tampered[tampered.length - 2] ^= 1;
    assertThat(WebhookSignature.verify(SECRET, ts, tampered, signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ts + 600, r.body(), signature))
        .as("a replay with a fresh timestamp")
        .isFalse();
    assertThat(WebhookSignature.verify("another secret value", ts, r.body(), signature)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ts, r.body(), null)).isFalse();
  }

  @Test
  void shouldMatchAnIndependentlyComputedHmac() throws Exception {
    byte[] body = "{\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("key".getBytes(StandardCharsets.UTF_8), "x"));
    byte[] expected =
        mac.doFinal("1700000000.{\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(WebhookSignature.sign("key", 1_700_000_000L, body))
        .isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(expected));
  }

  @Test
  void shouldSendNoSignatureWithoutASecret() {
    receiver(null).deliver(TestAlerts.firing("10.1.2.3"));
    LoopbackServer.Request r = server.requests().get(0);
    assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).isNull();
    assertThat(r.header(WebhookSignature.TIMESTAMP_HEADER)).isNotNull();
  }

  @Test
  void shouldGiveEachStateItsOwnIdAndTheSameStateTheSameId() {
    Alert first = TestAlerts.firing("10.1.2.3");
    Alert resend = TestAlerts.firing("10.1.2.3", TestAlerts.T0.plusSeconds(60));
    assertThat(WebhookReceiver.stateId(first))
        .isEqualTo(WebhookReceiver.stateId(TestAlerts.firing("10.1.2.3")))
        .isNotEqualTo(WebhookReceiver.stateId(resend));
  }

  @Test
  void shouldRetryOnTimeoutStatusesAndGiveUpOnOtherClientErrors() {
    WebhookReceiver r = receiver(null);
    Alert alert = TestAlerts.firing("10.1.2.3");
    server.answer(204);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Delivered.class);
    server.answer(408);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Retryable.class);
    server.answer(401);
    assertThat(r.deliver(alert)).isEqualTo(Delivery.permanent("HTTP 401: {\"status\":401}"));
    server.answer(404);
    assertThat(r.deliver(alert)).isInstanceOf(Delivery.Permanent.class);
  }
}
