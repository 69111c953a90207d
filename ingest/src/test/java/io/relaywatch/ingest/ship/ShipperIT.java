package io.relaywatch.ingest.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.config.Settings;
import io.relaywatch.events.RawLineHeaders;
import io.relaywatch.kafka.testing.KafkaFixture;
import io.relaywatch.kafka.testing.TopicContents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipper in this JVM against the shared real broker. */
class ShipperIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<ShipService> services = new ArrayList<>();

  @AfterEach
  void stopServices() throws IOException {
    for (ShipService s : services) {
      s.close();
    }
  }

  private ShipConfig config(Map<String, String> extra) {
    Map<String, String> flags =
        new java.util.HashMap<>(
            Map.of(
                "kafka.bootstrapServers",
                KafkaFixture.bootstrapServers(),
                "ship.files",
                dir.resolve("mail.log").toString(),
                "ship.stateDir",
                dir.resolve("state").toString(),
                "ship.topic",
                "it-raw-" + run,
                "ship.checkpointTopic",
                "it-checkpoints-" + run,
                "ship.id",
                "it-" + run,
                "ship.host",
                "mx-" + run,
                "ship.metrics.port",
                "0",
                "ship.pollInterval",
                "50ms"));
    flags.putAll(extra);
    return ShipConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  private ShipService start(ShipConfig config) throws IOException {
    ShipService service = ShipService.start(config, new ByteArrayInputStream(new byte[0]));
    services.add(service);
    CompletableFuture.runAsync(service::run);
    return service;
  }

  private void append(String... lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    Files.writeString(
        dir.resolve("mail.log"), sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String[] lines(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> String.format("line %06d", i))
        .toArray(String[]::new);
  }

  private static List<String> expected(int from, int to) {
    return List.of(lines(from, to));
  }

  @Test
  void shouldShipEveryLineOnceAcrossARestartAndARotation() throws IOException {
    append(lines(0, 1000));
    ShipService first = start(config(Map.of()));
    try (TopicContents topic = TopicContents.of("it-raw-" + run)) {
      await().atMost(DEADLINE).until(() -> topic.values().size() >= 1000);
      first.close();
      services.remove(first);

      append(lines(1000, 1500));
      Files.move(dir.resolve("mail.log"), dir.resolve("mail.log.1"));
      append(lines(1500, 2000));
      start(config(Map.of()));

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> assertThat(topic.values()).containsExactlyElementsOf(expected(0, 2000)));
    }
  }

  @Test
  void shouldShipAFileRotatedAwayAfterTheFirstShipperStoppedBeforeShippingALine()
      throws IOException {
    append();
    ShipService first = start(config(Map.of()));
    try (TopicContents checkpoints = TopicContents.of("it-checkpoints-" + run);
        TopicContents topic = TopicContents.of("it-raw-" + run)) {
      // The starting position is committed although there was no line to ship.
      await().atMost(DEADLINE).until(() -> !checkpoints.values().isEmpty());
      first.close();
      services.remove(first);

      append(lines(0, 100));
      Files.move(dir.resolve("mail.log"), dir.resolve("mail.log.1"));
      append(lines(100, 200));
      start(config(Map.of()));

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> assertThat(topic.values()).containsExactlyElementsOf(expected(0, 200)));
    }
  }

  @Test
  void shouldKeyByHostAndTraceEachLineToItsFileAndOffset() throws IOException {
    append("first", "second");
    start(config(Map.of()));
    try (TopicContents topic = TopicContents.of("it-raw-" + run)) {
      await().atMost(DEADLINE).until(() -> topic.read().size() >= 2);
      ConsumerRecord<String, byte[]> second = topic.read().get(1);

      assertThat(second.key()).isEqualTo("mx-" + run);
      assertThat(header(second, RawLineHeaders.SOURCE))
          .isEqualTo("file:" + dir.resolve("mail.log"));
      assertThat(header(second, RawLineHeaders.ID)).matches("[0-9a-f]{16}:6");
      assertThat(header(second, RawLineHeaders.ID))
          .startsWith(header(topic.read().get(0), RawLineHeaders.ID).split(":")[0] + ":");
      assertThat(header(topic.read().get(0), RawLineHeaders.ID)).endsWith(":0");
      assertThat(header(second, RawLineHeaders.CUT)).isNull();
    }
  }

  @Test
  void shouldKeepBinaryBytesAndCutOversizeLinesWithoutStalling() throws IOException {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28, 0x7f, 'x'};
    byte[] huge = "y".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
    Path log = dir.resolve("mail.log");
    Files.write(
        log,
        concat(
            garbage,
            new byte[] {'\n'},
            huge,
            new byte[] {'\n'},
            "after\n".getBytes(StandardCharsets.US_ASCII)));
    start(config(Map.of()));
    try (TopicContents topic = TopicContents.of("it-raw-" + run)) {
      await().atMost(DEADLINE).until(() -> topic.read().size() >= 3);
      List<ConsumerRecord<String, byte[]>> records = topic.read();

      assertThat(records.get(0).value()).isEqualTo(garbage);
      assertThat(records.get(1).value()).hasSize(64 * 1024);
      assertThat(header(records.get(1), RawLineHeaders.CUT)).isEqualTo("1");
      assertThat(records.get(2).value()).isEqualTo("after".getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Test
  void shouldShipTheLinesOfAFileDeletedWhileBeingReadAndThenItsSuccessor() throws IOException {
    append(lines(0, 100));
    start(config(Map.of()));
    try (TopicContents topic = TopicContents.of("it-raw-" + run)) {
      await().atMost(DEADLINE).until(() -> topic.values().size() >= 100);
      append(lines(100, 200));
      Files.delete(dir.resolve("mail.log"));
      append(lines(200, 300));

      await().atMost(DEADLINE).untilAsserted(() -> assertThat(topic.values()).hasSize(300));
      assertThat(topic.values()).containsExactlyElementsOf(expected(0, 300));
    }
  }

  @Test
  void shouldExportShippedLinesAndReportHealthOverHttp() throws Exception {
    append(lines(0, 50));
    ShipService service = start(config(Map.of()));
    String base = "http://127.0.0.1:" + service.opsPort();
    HttpClient http = HttpClient.newHttpClient();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(get(http, base + "/metrics").body())
                    .contains(
                        "relaywatch_ingest_lines_shipped_total{source=\"file:"
                            + dir.resolve("mail.log")
                            + "\",} 50.0")
                    .contains("relaywatch_ingest_kafka_reachable 1.0"));
    HttpResponse<String> health = get(http, base + "/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");

    service.stop();
    await().atMost(DEADLINE).until(() -> get(http, base + "/healthz").statusCode() == 503);
  }

  @Test
  void shouldShipABacklogOfSeveralPollsInOneTransaction() throws Exception {
    // 1.2 MB of 100-byte lines: three polls of at most 512 KiB, within one ship.batchBytes
    String padding = "x".repeat(88);
    append(IntStream.range(0, 12_000).mapToObj(i -> line(i, padding)).toArray(String[]::new));
    ShipService service = start(config(Map.of("ship.batchBytes", "16777216")));
    String metrics = "http://127.0.0.1:" + service.opsPort() + "/metrics";
    HttpClient http = HttpClient.newHttpClient();
    try (TopicContents topic = TopicContents.of("it-raw-" + run)) {
      await().atMost(DEADLINE).until(() -> topic.values().size() >= 12_000);
      assertThat(topic.values())
          .containsExactlyElementsOf(
              IntStream.range(0, 12_000).mapToObj(i -> line(i, padding)).toList());
    }
    // The starting positions, then the lines: one poll per transaction would have taken four. A
    // third is allowed for a machine so slow that the one-second bound closed the first early.
    String name = "relaywatch_ingest_transactions_total";
    await().atMost(DEADLINE).until(() -> counter(get(http, metrics).body(), name) >= 2);
    assertThat(counter(get(http, metrics).body(), name)).isBetween(2.0, 3.0);
  }

  private static String line(int i, String padding) {
    return String.format("line %06d %s", i, padding);
  }

  private static double counter(String metrics, String name) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " missing from /metrics"));
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
