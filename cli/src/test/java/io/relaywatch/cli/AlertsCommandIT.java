package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.kafka.testing.KafkaFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code relaywatch alerts}: settings checked before anything starts, and the service as a child
 * JVM on a real broker serving {@code /healthz} and {@code /metrics} until SIGTERM.
 */
class AlertsCommandIT {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private Path config(String yaml) throws IOException {
    return Files.writeString(
        dir.resolve("relaywatch.yml"), "kafka:\n  bootstrapServers: b:9092\n" + yaml);
  }

  @Test
  void shouldAcceptAValidConfigurationWithCheckConfig() throws IOException {
    Path config =
        config(
            "localDomains: [example.com]\n"
                + "alerts:\n  window: 30m\n  resendInterval: 2m\n  resolveAfter: 10m\n");

    int code = run("alerts", "--config", config.toString(), "--check-config");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("relaywatch alerts: configuration is valid");
  }

  @Test
  void shouldRefuseAZeroResendIntervalNamingTheKey() throws IOException {
    Path config = config("alerts:\n  resendInterval: 0s\n");

    int code = run("alerts", "--config", config.toString(), "--check-config");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "relaywatch alerts: alerts.resendInterval: 'PT0S' is not valid; expected a positive"
                + " duration");
  }

  @Test
  void shouldRefuseAMistypedKeyOfTheAlertsSection() throws IOException {
    Path config = config("alerts:\n  resendIntervall: 2m\n");

    int code = run("alerts", "--config", config.toString(), "--check-config");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown key 'alerts.resendIntervall'");
  }

  @Test
  void shouldExitOneNamingTheCauseWhenTheBrokerCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path config =
        Files.writeString(
            dir.resolve("unreachable.yml"),
            "kafka:\n  bootstrapServers: 127.0.0.1:"
                + closedPort
                + "\nalerts:\n  createTopics: false\n  kafkaTimeout: 3s\n  http:\n"
                + "    address: 127.0.0.1\n    port: 0\n");

    int code = run("alerts", "--config", config.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("relaywatch alerts: the alert service stopped: ")
        .contains("Timeout");
  }

  @Test
  void shouldServeHealthAndMetricsOnABrokerAndStopOnSigterm() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path output = dir.resolve("alerts.out");
    CliProcess alerts =
        new CliProcess(
            List.of(
                "alerts",
                "--bootstrap-servers",
                KafkaFixture.bootstrapServers(),
                "--http-port",
                Integer.toString(port)),
            Map.of("RELAYWATCH_ALERTS_EVALUATION_INTERVAL", "200ms"),
            output);
    try (alerts) {
      alerts.start();
      String base = "http://127.0.0.1:" + port;
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(get(base + "/healthz")).isEqualTo("ok\n"));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(get(base + "/metrics"))
                      .containsPattern("relaywatch_alerts_evaluations_total [1-9]")
                      .contains("relaywatch_alerts_ledger_subjects"));
    }
    assertThat(alerts.alive()).isFalse();
    assertThat(Files.readString(output)).doesNotContain("Exception");
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
