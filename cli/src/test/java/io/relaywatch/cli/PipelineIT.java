package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Topics;
import io.relaywatch.ingest.ship.ShipService;
import io.relaywatch.kafka.testing.KafkaFixture;
import io.relaywatch.kafka.testing.TopicContents;
import io.relaywatch.streams.app.StreamsApp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Postfix capture through the shipper and the Streams topology on a real broker: the
 * events that come out are what the log says.
 */
class PipelineIT {
  private static final Path FIXTURE =
      Path.of("../streams/src/test/resources/fixtures/postfix-real/mail.log");

  @TempDir Path dir;

  @Test
  void shouldTurnTheRealPostfixLogIntoEventsKeyedByClient() throws Exception {
    Path log = Files.copy(FIXTURE, dir.resolve("mail.log"));
    String bootstrap = KafkaFixture.bootstrapServers();
    try (StreamsApp streams =
            StreamsApp.start(TestConfigs.streams(dir, bootstrap, "pipeline-it", Map.of()));
        ShipService shipper =
            ShipService.start(
                TestConfigs.ship(dir, bootstrap, log, "pipeline-it"),
                new ByteArrayInputStream(new byte[0]));
        TopicContents events = new TopicContents(bootstrap, Topics.EVENTS.name());
        TopicContents aggregates = new TopicContents(bootstrap, Topics.RELAY_DENIALS.name());
        TopicContents sessions = new TopicContents(bootstrap, Topics.SESSIONS.name())) {
      CompletableFuture.runAsync(shipper::run);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> streams.state() == KafkaStreams.State.RUNNING);
      await().atMost(Duration.ofSeconds(90)).until(() -> relayDenials(events).size() >= 8);

      List<MailEvent> denials = relayDenials(events);
      assertThat(denials)
          .extracting(MailEvent::clientIp)
          .contains("127.0.0.5", "127.0.0.20", "::1");
      assertThat(countBy(denials, MailEvent::clientIp)).containsEntry("127.0.0.66", 5L);
      assertThat(events.read())
          .allSatisfy(
              r ->
                  assertThat(r.key()).isIn(decode(r.value()).clientIp(), decode(r.value()).host()));
      assertThat(types(events))
          .contains(
              EventType.SASL_AUTH_FAILED,
              EventType.SASL_BACKEND_UNAVAILABLE,
              EventType.SESSION_END);
    }
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static <V> List<V> decodeAll(
      TopicContents topic, org.apache.kafka.common.serialization.Deserializer<V> deserializer) {
    return topic.read().stream().map(r -> deserializer.deserialize("", r.value())).toList();
  }

  private static List<MailEvent> relayDenials(TopicContents events) {
    return events.read().stream()
        .map(r -> decode(r.value()))
        .filter(MailEvent::isRelayDenial)
        .toList();
  }

  private static List<EventType> types(TopicContents events) {
    return events.read().stream().map(r -> decode(r.value()).type()).distinct().toList();
  }

  private static MailEvent decode(byte[] value) {
    return Topics.EVENTS.valueSerde().deserializer().deserialize(Topics.EVENTS.name(), value);
  }

  private static <K> Map<K, Long> countBy(List<MailEvent> events, Function<MailEvent, K> key) {
    return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
