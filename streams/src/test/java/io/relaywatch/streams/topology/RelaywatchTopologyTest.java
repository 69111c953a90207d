package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.events.Topics;
import io.relaywatch.events.UnparsedLine;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.UnparsedReasons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaywatchTopologyTest {
  private static final Instant SHIPPED = Instant.parse("2026-11-03T10:40:00Z");
  private static final String DENIAL =
      "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 <a@b.example>: Relay access denied; from=<x@example.net> to=<a@b.example> proto=ESMTP helo=<probe>";
  private static final String BACKEND =
      "Nov  3 10:33:30 mx1 postfix/smtpd[1235]: warning: SASL: Connect to Dovecot auth socket 'private/auth' failed: No such file or directory";

  @TempDir Path stateDir;
  private final CollectorRegistry registry = new CollectorRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, MailEvent> events;
  private TestOutputTopic<String, UnparsedLine> unparsed;

  static Topology topology(CollectorRegistry registry) {
    return RelaywatchTopology.build(
        MailLogParser.create(ZoneOffset.UTC),
        new StreamsMetrics(registry),
        AggregationConfig.DEFAULTS,
        SessionConfig.defaults());
  }

  @BeforeEach
  void start() {
    Properties props = TestDrivers.properties("relaywatch-test", stateDir);
    driver = new TopologyTestDriver(topology(registry), props);
    raw = TestDrivers.input(driver, Topics.RAW_LINES);
    events = TestDrivers.output(driver, Topics.EVENTS);
    unparsed = TestDrivers.output(driver, Topics.UNPARSED);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void ship(String line) {
    raw.pipeInput("mx1", line.getBytes(StandardCharsets.UTF_8), SHIPPED);
  }

  @Test
  void shouldKeyEventsByClientIpAndStampThemWithTheirEventTime() {
    ship(DENIAL);

    TestRecord<String, MailEvent> record = events.readRecord();
    assertThat(record.key()).isEqualTo("192.0.2.7");
    assertThat(record.value().isRelayDenial()).isTrue();
    assertThat(record.getRecordTime()).isEqualTo(Instant.parse("2026-11-03T10:33:27Z"));
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void shouldInferTheYearAgainstTheTimeTheLineWasShipped() {
    raw.pipeInput(
        "mx1",
        DENIAL.replace("Nov  3", "Dec 31").getBytes(StandardCharsets.UTF_8),
        Instant.parse("2027-01-01T00:05:00Z"));

    assertThat(events.readRecord().getRecordTime())
        .isEqualTo(Instant.parse("2026-12-31T10:33:27Z"));
  }

  @Test
  void shouldKeyHostLevelEventsByTheirMailHost() {
    ship(BACKEND);

    TestRecord<String, MailEvent> record = events.readRecord();
    assertThat(record.key()).isEqualTo("mx1");
    assertThat(record.value().type().wireName()).isEqualTo("sasl_backend_unavailable");
  }

  @Test
  void shouldRouteUnparsedLinesToTheirTopicWithTheReason() {
    ship("Nov  3 10:33:27 mx1 postfix/smtpd[1234]: NOQUEUE: reject: FROBNICATE something odd");

    TestRecord<String, UnparsedLine> record = unparsed.readRecord();
    assertThat(record.key()).isEqualTo("mx1");
    assertThat(record.value().reason()).isEqualTo(UnparsedReasons.UNKNOWN_REJECT);
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void shouldCountIgnoredLinesWithoutForwardingThem() {
    ship("Nov  3 10:33:28 mx1 postfix/anvil[99]: statistics: max cache size 1 at Nov  3 10:33:28");
    ship(DENIAL);

    assertThat(events.readValuesToList()).hasSize(1);
    assertThat(unparsed.isEmpty()).isTrue();
    assertThat(registry.getSampleValue("relaywatch_streams_lines_ignored_total")).isEqualTo(1.0);
    assertThat(
            registry.getSampleValue(
                "relaywatch_streams_rejects_total",
                new String[] {"reason", "code", "service", "host"},
                new String[] {"relay_denied", "554", "smtpd", "mx1"}))
        .isEqualTo(1.0);
  }

  @Test
  void shouldSurviveBinaryGarbageAndKeepGoing() {
    raw.pipeInput(
        "mx1", new byte[] {(byte) 0xff, 0x00, 'r', 'e', 'j', 'e', 'c', 't', (byte) 0xc3}, SHIPPED);
    ship(DENIAL);

    assertThat(unparsed.readValue().reason()).isEqualTo(UnparsedReasons.NO_HEADER);
    assertThat(events.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldAggregateDenialsAndJoinSessionsThroughTheWholeTopology() {
    TestOutputTopic<String, RelayDenialAggregate> aggregates =
        TestDrivers.output(driver, Topics.RELAY_DENIALS);
    TestOutputTopic<String, SessionRecord> sessions = TestDrivers.output(driver, Topics.SESSIONS);

    ship(DENIAL);
    ship(
        "Nov  3 10:33:28 mx1 postfix/smtpd[1234]: disconnect from unknown[192.0.2.7] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");

    assertThat(aggregates.readValuesToList())
        .extracting(RelayDenialAggregate::clientIp, RelayDenialAggregate::count)
        .as("one update per window size: the driver feeds relaywatch.events back to the topology")
        .containsExactlyInAnyOrder(tuple("192.0.2.7", 1L), tuple("192.0.2.7", 1L));
    SessionRecord session = sessions.readValue();
    assertThat(session.clientIp()).isEqualTo("192.0.2.7");
    assertThat(session.relayDenied()).isTrue();
  }

  @Test
  void shouldDescribeTheSameTopologyAsTheGoldenFile() throws IOException {
    String description = topology(new CollectorRegistry()).describe().toString();
    Path golden = Path.of("src/test/resources/topology/describe.txt");
    if (Boolean.getBoolean("relaywatch.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, description);
    }

    assertThat(description).isEqualTo(Files.readString(golden));
  }
}
