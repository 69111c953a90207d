package io.relaywatch.ingest.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.config.Settings;
import io.relaywatch.events.RawLineHeaders;
import io.relaywatch.ingest.source.JournaldProcess;
import io.relaywatch.kafka.testing.KafkaFixture;
import io.relaywatch.kafka.testing.TopicContents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipper with a journald source, against a real systemd-journald and the shared broker. */
class JournaldShipIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static JournaldProcess journald;

  @TempDir Path dir;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String identifier = "postfix-it-" + run + "/smtpd";
  private final List<ShipService> services = new ArrayList<>();

  @BeforeAll
  static void startJournald() throws IOException {
    journald = JournaldProcess.ensureRunning();
  }

  @AfterAll
  static void stopJournald() throws IOException {
    if (journald != null) {
      journald.close();
    }
  }

  @AfterEach
  void stopServices() throws IOException {
    for (ShipService s : services) {
      s.close();
    }
  }

  private ShipConfig config() {
    Map<String, String> flags = new HashMap<>();
    flags.put("kafka.bootstrapServers", KafkaFixture.bootstrapServers());
    flags.put("ship.journald.identifiers", identifier);
    flags.put("ship.stateDir", dir.resolve("state").toString());
    flags.put("ship.topic", "it-journald-" + run);
    flags.put("ship.checkpointTopic", "it-journald-checkpoints-" + run);
    flags.put("ship.id", "it-journald-" + run);
    flags.put("ship.host", "mx-" + run);
    flags.put("ship.metrics.port", "0");
    flags.put("ship.pollInterval", "50ms");
    return ShipConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  private ShipService start() throws IOException {
    ShipService service = ShipService.start(config(), new ByteArrayInputStream(new byte[0]));
    services.add(service);
    CompletableFuture.runAsync(service::run);
    return service;
  }

  private List<String> numbered(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> String.format("line %03d %s", i, run)).toList();
  }

  private static void write(String identifier, List<String> lines) throws IOException {
    JournaldProcess.write(
        identifier, lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList());
  }

  private static List<String> messages(TopicContents topic) {
    return topic.values().stream().map(v -> v.substring(v.indexOf("]: ") + 3)).toList();
  }

  @Test
  void shouldShipTheIdentifiersEntriesOnceAcrossARestart() throws IOException {
    write(identifier, numbered(0, 20));
    write("other-" + run, List.of("not mine " + run));
    ShipService first = start();
    try (TopicContents topic = TopicContents.of("it-journald-" + run)) {
      await().atMost(DEADLINE).until(() -> topic.values().size() >= 20);
      first.close();
      services.remove(first);

      write(identifier, numbered(20, 40));
      start();

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> assertThat(messages(topic)).containsExactlyElementsOf(numbered(0, 40)));
      ConsumerRecord<String, byte[]> record = topic.read().get(0);
      assertThat(record.key()).isEqualTo("mx-" + run);
      assertThat(header(record, RawLineHeaders.SOURCE))
          .isEqualTo("journald:identifier=" + identifier);
      assertThat(header(record, RawLineHeaders.ID)).startsWith("s=");
      assertThat(topic.values()).allMatch(v -> v.contains(" " + identifier + "["));
    }
  }

  @Test
  void shouldResumeFromTheCommittedCursorWhenJournalctlDies() throws IOException {
    write(identifier, numbered(0, 20));
    start();
    try (TopicContents topic = TopicContents.of("it-journald-" + run)) {
      await().atMost(DEADLINE).until(() -> topic.values().size() >= 20);

      List<ProcessHandle> journalctl = journalctlChildren();
      assertThat(journalctl).hasSize(1);
      journalctl.get(0).destroyForcibly();
      write(identifier, numbered(20, 40));

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> assertThat(messages(topic)).containsExactlyElementsOf(numbered(0, 40)));
      assertThat(journalctlChildren()).hasSize(1).doesNotContainAnyElementsOf(journalctl);
    }
  }

  /** The journalctl processes this JVM started for the shipper under test. */
  private List<ProcessHandle> journalctlChildren() {
    return ProcessHandle.current()
        .children()
        .filter(p -> p.info().command().orElse("").endsWith("/journalctl"))
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(a -> List.of(a).contains("--identifier=" + identifier))
                    .orElse(false))
        .toList();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
