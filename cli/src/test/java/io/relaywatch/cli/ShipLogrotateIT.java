package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.relaywatch.kafka.testing.TopicContents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipper as its own process, killed with SIGKILL, while the real {@code logrotate} (Debian's
 * settings for mail.log: create, compress, delaycompress, rotate 4) runs twice: the file it was
 * reading is then {@code mail.log.2.gz}, and a restart must still ship every line exactly once.
 */
class ShipLogrotateIT {
  private static final int PER_STEP = 2_000;

  @TempDir Path dir;

  @BeforeEach
  void requireLogrotate() {
    assumeTrue(
        Stream.of("/usr/sbin/logrotate", "/sbin/logrotate")
            .anyMatch(p -> Files.isExecutable(Path.of(p))),
        "logrotate is missing: apt-get install logrotate (.ci/run installs it)");
  }

  @Test
  void shouldShipEveryLineOnceWhenLogrotateRanTwiceWhileTheShipperWasDown() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = "logrotate-raw-" + run;
    Path log = dir.resolve("mail.log");
    Path conf = logrotateConf(log);
    try (CliProcess shipper = shipper(run, topic, log);
        TopicContents contents = TopicContents.of(topic)) {
      append(log, 0, PER_STEP);
      shipper.start();
      awaitLines(contents, PER_STEP);
      shipper.kill();

      append(log, PER_STEP, 2 * PER_STEP); // unshipped, then compressed away
      logrotate(conf);
      append(log, 2 * PER_STEP, 3 * PER_STEP);
      logrotate(conf);
      append(log, 3 * PER_STEP, 4 * PER_STEP);
      assertThat(dir.resolve("mail.log.2.gz")).exists();

      shipper.start();
      awaitLines(contents, 4 * PER_STEP);

      assertThat(contents.values())
          .containsExactlyElementsOf(
              IntStream.range(0, 4 * PER_STEP).mapToObj(this::line).toList());
    }
  }

  private String line(int n) {
    return String.format(
        "Nov 28 21:%02d:%02d mx1 postfix/smtpd[%d]: connect from unknown[192.0.2.%d] line %d",
        n / 60 % 60, n % 60, 1000 + n % 7, n % 250, n);
  }

  private void append(Path log, int from, int to) throws IOException {
    StringBuilder text = new StringBuilder();
    IntStream.range(from, to).forEach(n -> text.append(line(n)).append('\n'));
    Files.writeString(
        log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private Path logrotateConf(Path log) throws IOException {
    Path conf = dir.resolve("logrotate.conf");
    Files.writeString(
        conf,
        log
            + " {\n  rotate 4\n  create\n  compress\n  delaycompress\n  missingok\n"
            + "  nodateext\n}\n");
    return conf;
  }

  private void logrotate(Path conf) throws Exception {
    Process process =
        new ProcessBuilder(
                "logrotate",
                "--force",
                "--state",
                dir.resolve("logrotate.state").toString(),
                conf.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("logrotate: %s", output).isZero();
  }

  private void awaitLines(TopicContents contents, int lines) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> contents.read().size() >= lines);
  }

  private CliProcess shipper(String run, String topic, Path log) {
    return CliProcess.shipForRun("logrotate", run, log, dir, topic);
  }
}
