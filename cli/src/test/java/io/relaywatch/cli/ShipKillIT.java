package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.kafka.testing.KafkaFixture;
import io.relaywatch.kafka.testing.TopicContents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipper as its own process, killed with SIGKILL three times at random points while a writer
 * appends 200,000 lines with two rename+create rotations: the topic must then hold every line
 * exactly once, in order.
 */
class ShipKillIT {
  private static final int LINES = 200_000;
  private static final long SEED = 20261128L;

  @TempDir Path dir;

  @Test
  void shouldHoldEveryLineExactlyOnceAfterThreeKillsAndTwoRotations() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = "kill-raw-" + run;
    Path log = dir.resolve("mail.log");
    int[] killAt = killPoints(new Random(SEED));
    try (PacedLogWriter writer =
            new PacedLogWriter(log, LINES, 1_000, Set.of(LINES / 3, 2 * LINES / 3));
        ShipperProcess shipper = shipper(run, topic, log);
        TopicContents contents = TopicContents.of(topic)) {
      writer.start(50);
      shipper.start();
      for (int point : killAt) {
        await().atMost(Duration.ofSeconds(60)).until(() -> writer.written() >= point);
        shipper.kill();
        shipper.start();
      }
      await().atMost(Duration.ofSeconds(60)).until(writer::done);
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> contents.read().size() >= LINES);

      assertThat(writer.rotations()).isEqualTo(2);
      assertThat(shipper.starts()).isEqualTo(4);
      assertThat(contents.values())
          .containsExactlyElementsOf(
              IntStream.range(0, LINES).mapToObj(PacedLogWriter::line).toList());
    }
  }

  /** Three distinct kill points, sorted, away from the very start and end. */
  private static int[] killPoints(Random random) {
    return random.ints(10_000, LINES - 10_000).distinct().limit(3).sorted().toArray();
  }

  private ShipperProcess shipper(String run, String topic, Path log) {
    return new ShipperProcess(
        List.of(
            "--bootstrap-servers",
            KafkaFixture.bootstrapServers(),
            "--file",
            log.toString(),
            "--state-dir",
            dir.resolve("state").toString(),
            "--topic",
            topic,
            "--id",
            "kill-" + run,
            "--metrics-port",
            "-1"),
        Map.of(
            "RELAYWATCH_SHIP_CHECKPOINT_TOPIC",
            "kill-checkpoints-" + run,
            "RELAYWATCH_SHIP_POLL_INTERVAL",
            "50ms"),
        dir.resolve("shipper.out"));
  }
}
