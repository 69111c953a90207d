package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.Topics;
import io.relaywatch.kafka.testing.ChildProcessKafka;
import io.relaywatch.kafka.testing.TopicContents;
import io.relaywatch.streams.app.StreamsApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relaywatch streams} killed with SIGKILL while it works through a backlog, then started
 * again on the same state directory, ends with the same relay-denial aggregates as a run that was
 * never interrupted: exactly-once processing neither loses nor double-counts the work of the
 * aborted transaction. Each run has a broker of its own, since the catalogue fixes the topic names.
 *
 * <p>The log is dated two hours back ({@link RelayDenialLog#recent()}), and the test checks that
 * the broker deleted nothing: when it was dated weeks back, retention deleted the first changelog
 * transaction before the restarted instance restored its windows, and the run ended short.
 */
class StreamsRestartIT {
  private static final List<String> HOSTS = List.of("mx1", "mx2", "mx3", "mx4", "mx5", "mx6");
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void shouldEndWithTheAggregatesOfAnUninterruptedRunAfterAKill() throws Exception {
    RelayDenialLog log = RelayDenialLog.generate(4711L, HOSTS, 4_000);
    List<RelayDenialLog.Line> lines = log.lines();
    List<RelayDenialLog.Line> firstHalf = lines.subList(0, lines.size() / 2);
    List<RelayDenialLog.Line> secondHalf = lines.subList(lines.size() / 2, lines.size());

    Map<String, RelayDenialAggregate> uninterrupted = uninterrupted(log);

    Path runDir = dir.resolve("killed");
    try (ChildProcessKafka broker = startBroker(runDir);
        CliProcess streams =
            new CliProcess(
                List.of(
                    "streams", "--config", config(broker.bootstrapServers(), runDir).toString()),
                Map.of(),
                runDir.resolve("out.log"));
        TopicContents relayDenials =
            new TopicContents(broker.bootstrapServers(), Topics.RELAY_DENIALS.name())) {
      streams.start();
      AggregateRuns.ship(broker.bootstrapServers(), log, firstHalf);
      await()
          .atMost(DEADLINE)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !AggregateRuns.latest(relayDenials).isEmpty());
      AggregateRuns.ship(broker.bootstrapServers(), log, secondHalf);
      streams.kill();
      assertThat(AggregateRuns.complete(AggregateRuns.latest(relayDenials), log.denials()))
          .as("killed before it had counted every denial")
          .isFalse();

      streams.start();
      Map<String, RelayDenialAggregate> restarted;
      try {
        restarted = AggregateRuns.awaitComplete(relayDenials, log.denials(), DEADLINE);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage()
                + "; differing aggregates (restarted, then uninterrupted):\n"
                + differences(AggregateRuns.latest(relayDenials), uninterrupted)
                + "committed/end offsets:\n"
                + AggregateRuns.progress(broker.bootstrapServers())
                + "deleted by the broker (start/end offsets): "
                + AggregateRuns.deletedRecords(broker.bootstrapServers())
                + "\n"
                + "the child's output:\n"
                + tail(runDir),
            e);
      }

      assertThat(AggregateRuns.deletedRecords(broker.bootstrapServers()))
          .as("records the broker deleted (start/end offsets)")
          .isEmpty();
      assertThat(restarted).hasSizeGreaterThan(HOSTS.size() * 40).isEqualTo(uninterrupted);
    }
  }

  /** A broker of its own with the catalogue topics already created, as the application would. */
  private static ChildProcessKafka startBroker(Path runDir) throws Exception {
    ChildProcessKafka broker = new ChildProcessKafka(runDir.resolve("kafka")).start();
    try {
      AggregateRuns.createTopics(broker.bootstrapServers());
    } catch (Exception | AssertionError e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  private static String differences(
      Map<String, RelayDenialAggregate> actual, Map<String, RelayDenialAggregate> expected) {
    StringBuilder out = new StringBuilder();
    expected.forEach(
        (key, value) -> {
          if (!value.equals(actual.get(key))) {
            out.append(actual.get(key)).append('\n').append(value).append("\n\n");
          }
        });
    return out.toString();
  }

  private static String tail(Path runDir) throws java.io.IOException {
    List<String> lines = Files.readAllLines(runDir.resolve("out.log"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  private Map<String, RelayDenialAggregate> uninterrupted(RelayDenialLog log) throws Exception {
    Path runDir = dir.resolve("uninterrupted");
    try (ChildProcessKafka broker = new ChildProcessKafka(runDir.resolve("kafka")).start();
        StreamsApp app =
            StreamsApp.start(
                AggregateRuns.config(broker.bootstrapServers(), runDir.resolve("state")));
        TopicContents relayDenials =
            new TopicContents(broker.bootstrapServers(), Topics.RELAY_DENIALS.name())) {
      await().atMost(DEADLINE).until(() -> app.state() == KafkaStreams.State.RUNNING);
      AggregateRuns.ship(broker.bootstrapServers(), log, log.lines());
      return AggregateRuns.awaitComplete(relayDenials, log.denials(), DEADLINE);
    }
  }

  /**
   * The same settings as the in-process run, as a YAML file; a short session timeout lets the
   * restarted instance take over the killed one's partitions without waiting the default 45 s.
   */
  private static Path config(String bootstrap, Path runDir) throws Exception {
    Files.createDirectories(runDir);
    StringBuilder yaml = new StringBuilder();
    yaml.append("kafka:\n  bootstrapServers: \"").append(bootstrap).append("\"\n");
    yaml.append("  properties:\n    session.timeout.ms: 6000\n    heartbeat.interval.ms: 1000\n");
    yaml.append("streams:\n");
    Map<String, String> flags = AggregateRuns.flags(bootstrap, runDir.resolve("state"));
    flags.forEach(
        (key, value) -> {
          if (key.startsWith("streams.")) {
            yaml.append("  ")
                .append(key.substring("streams.".length()))
                .append(": \"")
                .append(value)
                .append("\"\n");
          }
        });
    return Files.writeString(runDir.resolve("streams.yaml"), yaml);
  }
}
