package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.PostfixQueue.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folds run in the raw lines' task, whose stream time is when lines were shipped: quiet
 * sessions and messages must still time out by when they were logged.
 */
class FoldsOnLogTimeTest {
  private static final Instant SHIPPED = Instant.parse("2026-11-03T12:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, SessionRecord> sessions;
  private TestOutputTopic<String, MessageRecord> messages;

  @BeforeEach
  void start() {
    Properties props = TestDrivers.properties("relaywatch-test", stateDir);
    driver =
        new TopologyTestDriver(RelaywatchTopologyTest.topology(new CollectorRegistry()), props);
    raw = TestDrivers.input(driver, Topics.RAW_LINES);
    sessions = TestDrivers.output(driver, Topics.SESSIONS);
    messages = TestDrivers.output(driver, Topics.MESSAGES);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void ship(String line, Instant shipped) {
    raw.pipeInput("mx1", line.getBytes(StandardCharsets.UTF_8), shipped);
  }

  private static String relayDenied(String time, int pid, String clientIp) {
    return "Nov  3 "
        + time
        + " mx1 postfix/smtpd["
        + pid
        + "]: NOQUEUE: reject: RCPT from unknown["
        + clientIp
        + "]: 554 5.7.1 <a@b.example>: Relay access denied; from=<x@example.net>"
        + " to=<a@b.example> proto=ESMTP helo=<probe>";
  }

  @Test
  void shouldTimeOutQuietSessionsAndMessagesByLogTimeWhenABacklogIsShippedAtOnce() {
    PostfixQueue lost = message("DEAD000001");
    ship(relayDenied("10:00:01", 100, "192.0.2.7"), SHIPPED);
    ship(lost.at(2).client(101, "203.0.113.9"), SHIPPED);
    ship(relayDenied("10:09:00", 200, "192.0.2.8"), SHIPPED);
    assertThat(sessions.isEmpty()).as("9 minutes quiet: still open").isTrue();

    // Eleven minutes later in the log, shipped in the same instant.
    ship(relayDenied("10:11:30", 200, "192.0.2.8"), SHIPPED);

    assertThat(sessions.readValuesToList())
        .extracting(SessionRecord::clientIp, SessionRecord::closedBy)
        .containsExactly(tuple("192.0.2.7", SessionClose.TIMEOUT));
    assertThat(messages.readValuesToList())
        .extracting(MessageRecord::queueId, MessageRecord::closedBy)
        .containsExactly(tuple("DEAD000001", MessageClose.TIMEOUT));
  }

  @Test
  void shouldKeepASessionOpenWhoseLinesWereShippedAnHourApart() {
    ship(relayDenied("10:00:01", 100, "192.0.2.7"), SHIPPED);
    ship(relayDenied("10:01:00", 200, "192.0.2.8"), SHIPPED.plus(Duration.ofHours(1)));
    ship(relayDenied("10:01:30", 300, "192.0.2.9"), SHIPPED.plus(Duration.ofHours(2)));

    assertThat(sessions.isEmpty()).as("a minute and a half of log time").isTrue();
  }
}
