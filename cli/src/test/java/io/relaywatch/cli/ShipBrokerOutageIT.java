package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.kafka.testing.ChildProcessKafka;
import io.relaywatch.kafka.testing.TopicContents;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker down for 30 seconds (SIGKILL, then a restart on the same data) while lines keep
 * arriving: the shipper blocks, retries, and when the broker is back the topic holds every line
 * exactly once, in order.
 */
class ShipBrokerOutageIT {
  private static final int LINES = 80_000;
  private static final int BEFORE_OUTAGE = 5_000;
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void shouldLoseAndDuplicateNothingAcrossABrokerOutage() throws Exception {
    Path log = dir.resolve("mail.log");
    PacedLogWriter.writeNow(log, 0, BEFORE_OUTAGE);
    try (ChildProcessKafka broker = new ChildProcessKafka(dir.resolve("kafka")).start();
        PacedLogWriter writer = new PacedLogWriter(log, BEFORE_OUTAGE, LINES, 200, Set.of());
        CliProcess shipper = shipper(broker.bootstrapServers(), log).start();
        TopicContents contents = new TopicContents(broker.bootstrapServers(), "outage-raw")) {
      await().atMost(Duration.ofSeconds(90)).until(() -> contents.read().size() >= BEFORE_OUTAGE);

      broker.kill();
      // The rest of the log is written while the broker is away.
      writer.start(100);
      int writtenAtStop = writer.written();
      await()
          .pollDelay(OUTAGE)
          .atMost(OUTAGE.plusSeconds(10))
          .until(() -> !reachable(broker.bootstrapServers()) && shipper.alive());
      int writtenDuringOutage = writer.written() - writtenAtStop;
      broker.start();

      await().atMost(Duration.ofSeconds(120)).until(writer::done);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> contents.read().size() >= LINES);

      assertThat(writtenDuringOutage).isGreaterThan(10_000);
      assertThat(shipper.starts()).isEqualTo(1);
      assertThat(contents.values())
          .containsExactlyElementsOf(
              IntStream.range(0, LINES).mapToObj(PacedLogWriter::line).toList());
    }
  }

  private static boolean reachable(String bootstrapServers) {
    int colon = bootstrapServers.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              bootstrapServers.substring(0, colon),
              Integer.parseInt(bootstrapServers.substring(colon + 1))),
          1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private CliProcess shipper(String bootstrapServers, Path log) {
    return CliProcess.ship(
        bootstrapServers,
        log,
        dir,
        "outage-raw",
        "outage",
        Map.of("RELAYWATCH_SHIP_POLL_INTERVAL", "100ms", "RELAYWATCH_SHIP_KAFKA_TIMEOUT", "10s"));
  }
}
