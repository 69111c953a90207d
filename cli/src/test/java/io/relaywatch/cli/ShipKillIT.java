package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.kafka.testing.TopicContents;
import java.nio.file.Path;
import java.time.Duration;
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
 *
 * <p>The writer runs for about a minute, so that a rotated file is still at {@code .1} when the
 * shipper comes back (two rename+create rotations while it is down, with no compressed generation
 * kept, lose the middle file, as docs/shipper.md says); kill points are at least {@link #MIN_GAP}
 * lines apart so that each restart gets going.
 */
class ShipKillIT {
  private static final int LINES = 200_000;
  private static final long SEED = 20261128L;
  private static final int MIN_GAP = 25_000;

  @TempDir Path dir;

  @Test
  void shouldHoldEveryLineExactlyOnceAfterThreeKillsAndTwoRotations() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = "kill-raw-" + run;
    Path log = dir.resolve("mail.log");
    int[] killAt = killPoints(new Random(SEED));
    try (PacedLogWriter writer =
            new PacedLogWriter(log, LINES, 500, Set.of(LINES / 3, 2 * LINES / 3));
        CliProcess shipper = shipper(run, topic, log);
        TopicContents contents = TopicContents.of(topic)) {
      writer.start(150);
      shipper.start();
      for (int point : killAt) {
        await().atMost(Duration.ofSeconds(120)).until(() -> writer.written() >= point);
        shipper.kill();
        shipper.start();
      }
      await().atMost(Duration.ofSeconds(120)).until(writer::done);
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> contents.read().size() >= LINES);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError(
            "topic holds "
                + contents.read().size()
                + " of "
                + LINES
                + " lines; shipper output:\n"
                + java.nio.file.Files.readString(dir.resolve("shipper.out")),
            e);
      }

      assertThat(writer.rotations()).isEqualTo(2);
      assertThat(shipper.starts()).isEqualTo(4);
      assertThat(contents.values())
          .containsExactlyElementsOf(
              IntStream.range(0, LINES).mapToObj(PacedLogWriter::line).toList());
    }
  }

  /** Three kill points, sorted, at least {@link #MIN_GAP} lines apart and from either end. */
  private static int[] killPoints(Random random) {
    int[] points;
    do {
      points = random.ints(MIN_GAP, LINES - MIN_GAP).limit(3).sorted().toArray();
    } while (points[1] - points[0] < MIN_GAP || points[2] - points[1] < MIN_GAP);
    return points;
  }

  private CliProcess shipper(String run, String topic, Path log) {
    return CliProcess.shipForRun("kill", run, log, dir, topic);
  }
}
