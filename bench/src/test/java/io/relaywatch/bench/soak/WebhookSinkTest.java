package io.relaywatch.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {
  private static final String SECRET = "0123456789abcdef0123";
  private static final String BODY =
      "{\"version\":\"1\",\"id\":\"ab12\",\"alert\":{\"key\":\"open_relay_probe/100.64.7.1\","
          + "\"status\":\"firing\",\"startsAt\":\"2026-11-28T18:00:00Z\","
          + "\"endsAt\":\"2026-11-28T18:01:00Z\",\"updatedAt\":\"2026-11-28T18:00:15Z\"}}";

  @Test
  void shouldRecordASignedStateAndRefuseAnUnsignedOrTamperedOne() throws Exception {
    try (WebhookSink sink = new WebhookSink(SECRET)) {
      String signature = sign(SECRET, "1700000000", BODY);

      assertThat(post(sink, "1700000000", signature, BODY)).isEqualTo(200);
      assertThat(post(sink, "1700000000", null, BODY)).isEqualTo(400);
      assertThat(post(sink, "1700000000", signature, BODY.replace("firing", "resolved")))
          .isEqualTo(400);
      assertThat(post(sink, "1700000001", signature, BODY)).isEqualTo(400);

      assertThat(sink.refused()).isEqualTo(3);
      assertThat(sink.received())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.id()).isEqualTo("ab12");
                assertThat(s.key()).isEqualTo("open_relay_probe/100.64.7.1");
                assertThat(s.firing()).isTrue();
                assertThat(s.startsAt()).isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
              });
    }
  }

  // Signed here the way alerts.notify.WebhookSignature signs (docs/alerts.md): a second writing
  // of the scheme, so a mistake in the sink's check cannot cancel out.
  private static String sign(String secret, String timestamp, String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "sha256=" + java.util.HexFormat.of().formatHex(digest);
  }

  private static int post(WebhookSink sink, String timestamp, String signature, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sink.url()))
            .header("X-Relaywatch-Timestamp", timestamp)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("X-Relaywatch-Signature", signature);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
