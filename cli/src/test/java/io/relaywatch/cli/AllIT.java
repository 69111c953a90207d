package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.demo.SampleLogWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relaywatch all}, the single-host mode: every role on an embedded broker with its data
 * under one directory, which a restart picks up again.
 */
class AllIT {
  private static final String FIRING =
      "relaywatch FIRING warning trusted_sender_not_in_mynetworks 10.20.0.15";
  private static final Pattern SINCE = Pattern.compile("alert: +since (\\S+),");

  @TempDir Path dir;

  @Test
  void shouldAlertOnItsLogAndKeepTheAlertsStartAcrossARestart() throws Exception {
    Path log = dir.resolve("mail.log");
    SampleLogWriter writer = new SampleLogWriter(log, 5, 5, 0, Clock.systemUTC());
    for (int i = 0; i < 40; i++) {
      writer.writeSession(Instant.now());
    }
    Path config =
        Files.writeString(
            dir.resolve("relaywatch.yml"),
            "localDomains: [example.com]\nalerts:\n  stdout: true\n  evaluationInterval: 2s\n");
    List<String> args =
        List.of(
            "all",
            "--log",
            log.toString(),
            "--data-dir",
            dir.resolve("data").toString(),
            "--config",
            config.toString(),
            "--kafka-port",
            "0",
            "--ship-port",
            "0",
            "--streams-port",
            "0",
            "--alerts-port",
            "0");
    Path output = dir.resolve("all.out");
    String firstStart;
    try (CliProcess all = new CliProcess(args, Map.of(), output, "768m").start()) {
      await().atMost(Duration.ofSeconds(90)).until(() -> read(output).contains(FIRING));
      firstStart = startOf(read(output));
      all.close();
      await().atMost(Duration.ofSeconds(60)).until(() -> !all.alive());

      // Still within the alert's window: the restarted service carries the same alert on.
      writer.writeSession(Instant.now());
      all.start();
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> afterRestart(read(output)).contains(FIRING));
    }
    String restarted = afterRestart(read(output));
    assertThat(startOf(restarted)).isEqualTo(firstStart);
  }

  private static String afterRestart(String output) {
    int second = output.indexOf("--- start 2 ");
    return second < 0 ? "" : output.substring(second);
  }

  private static String startOf(String output) {
    int firing = output.indexOf(FIRING);
    Matcher m = SINCE.matcher(output);
    assertThat(m.find(firing)).as("an alert block with its start").isTrue();
    return m.group(1);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
