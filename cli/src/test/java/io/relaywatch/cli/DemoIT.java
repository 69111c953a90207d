package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relaywatch demo} as a user runs it: a child JVM that must print every scenario's verdict
 * with its fix, then stop on its own at the end of {@code --duration}.
 */
class DemoIT {
  @TempDir Path dir;

  @Test
  void shouldPrintEveryScenariosVerdictWithItsFixAndStopAtTheEndOfItsDuration() throws Exception {
    Path output = dir.resolve("demo.out");
    List<String> args =
        List.of(
            "demo",
            "--duration",
            "PT45S",
            "--no-color",
            "--ship-port",
            "0",
            "--streams-port",
            "0",
            "--alerts-port",
            "0");
    try (CliProcess demo = new CliProcess(args, Map.of(), output, "768m").start()) {
      await()
          .atMost(Duration.ofSeconds(44))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () ->
                  assertThat(read(output))
                      .contains(
                          "relaywatch FIRING warning trusted_sender_not_in_mynetworks 10.20.0.15")
                      .contains("postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128 10.20.0.15/32'")
                      .contains("relaywatch FIRING warning open_relay_probe 203.0.113.66")
                      .contains("relaywatch FIRING warning sasl_auth_failing 10.20.0.33")
                      .contains("relaywatch FIRING critical sasl_backend_unavailable mx1")
                      .contains("relaywatch demo: first alert"));
      await().atMost(Duration.ofSeconds(60)).until(() -> !demo.alive());
    }
    String out = read(output);
    assertThat(out).doesNotContain("mynetworks = 127.0.0.0/8 [::1]/128 203.0.113.66");
    assertThat(out).contains("relaywatch demo: stopping");
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
