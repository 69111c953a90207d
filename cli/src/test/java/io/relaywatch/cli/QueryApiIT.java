package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Json;
import io.relaywatch.ingest.ship.ShipService;
import io.relaywatch.kafka.testing.ChildProcessKafka;
import io.relaywatch.streams.app.StreamsApp;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of {@code relaywatch streams} on a real broker, after the real Postfix capture went
 * through the shipper: the offenders and the client view are what the log says. A broker of its
 * own, because the shared one may already hold the same capture shipped by another test, which
 * would double the counts.
 */
class QueryApiIT {
  private static final Path FIXTURE =
      Path.of("../streams/src/test/resources/fixtures/postfix-real/mail.log");

  @TempDir Path dir;

  @Test
  void shouldServeTopOffendersAndClientsOfTheRealPostfixLog() throws Exception {
    Path log = Files.copy(FIXTURE, dir.resolve("mail.log"));
    try (ChildProcessKafka broker = new ChildProcessKafka(dir.resolve("kafka")).start();
        StreamsApp streams =
            StreamsApp.start(
                TestConfigs.streams(dir, broker.bootstrapServers(), "query-api-it", Map.of()));
        ShipService shipper =
            ShipService.start(
                TestConfigs.ship(dir, broker.bootstrapServers(), log, "query-api-it"),
                new ByteArrayInputStream(new byte[0]))) {
      CompletableFuture.runAsync(shipper::run);
      String base = "http://127.0.0.1:" + streams.httpPort();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> streams.state() == KafkaStreams.State.RUNNING);

      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                HttpResponse<String> response = get(base + "/api/offenders?window=1h");
                assertThat(response.statusCode()).isEqualTo(200);
                // Empty until the first aggregates are in: keep polling, do not fail on get(0).
                JsonNode offenders = json(response).get("offenders");
                assertThat(offenders).isNotEmpty();
                JsonNode top = offenders.get(0);
                assertThat(top.get("clientIp").asText()).isEqualTo("127.0.0.66");
                assertThat(top.get("count").asLong()).isEqualTo(5);
              });
      JsonNode top = json(get(base + "/api/offenders?window=1h&limit=1"));
      assertThat(top.get("offenders")).hasSize(1);
      assertThat(top.get("offenders").get(0).get("recipientDomains").asLong()).isEqualTo(5);
      assertThat(top.get("offenders").get(0).get("internal").asBoolean()).isTrue();

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(json(get(base + "/api/clients/127.0.0.30")).get("sessions"))
                      .anySatisfy(
                          s -> assertThat(s.get("authOutcome").asText()).isEqualTo("failed")));
      HttpResponse<String> notAnIp = get(base + "/api/clients/not-an-ip");
      assertThat(notAnIp.statusCode()).isEqualTo(400);
      assertThat(notAnIp.body()).doesNotContain("not-an-ip");
      assertThat(get(base + "/metrics").body())
          .contains(
              "relaywatch_streams_top_offender_relay_denials{client_ip=\"127.0.0.66\",window=\"1h\",} 5.0");
    }
  }

  @Test
  void shouldAnswer503WithRetryAfterUntilStreamsIsRunning() throws Exception {
    // Nothing listens on the port, so the application can never leave REBALANCING.
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> noTopics = Map.of("streams.createTopics", "false");
    try (StreamsApp streams =
        StreamsApp.start(
            TestConfigs.streams(dir, "127.0.0.1:" + closedPort, "query-api-503-it", noTopics))) {
      HttpResponse<String> response =
          get("http://127.0.0.1:" + streams.httpPort() + "/api/offenders?window=1h");

      assertThat(streams.state()).isNotEqualTo(KafkaStreams.State.RUNNING);
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(json(response).get("error").asText()).startsWith("kafka streams is ");
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }
}
