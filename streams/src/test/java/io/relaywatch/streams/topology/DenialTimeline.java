package io.relaywatch.streams.topology;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;

/**
 * A test topology (events by client IP -> {@link RelayDenialAggregation} -> relay denials) driven
 * like a script: {@code at(1, denial("192.0.2.1"))}, then read what was emitted. Times are seconds
 * after {@link #T0}.
 */
final class DenialTimeline implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-11-03T10:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, MailEvent> events;
  private final TestOutputTopic<String, RelayDenialAggregate> aggregates;

  DenialTimeline(AggregationConfig config) {
    driver = new TopologyTestDriver(topology(config), properties());
    events = TestDrivers.input(driver, Topics.EVENTS);
    aggregates = TestDrivers.output(driver, Topics.RELAY_DENIALS);
  }

  static Topology topology(AggregationConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, MailEvent> events =
        builder.stream(
            Topics.EVENTS.name(),
            Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde())
                .withName("events-source"));
    RelayDenialAggregation.addTo(events, config);
    return builder.build();
  }

  private static Properties properties() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "relay-denials-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    return props;
  }

  /** Sends an event at {@code seconds} after T0, as its record time and its logged time. */
  DenialTimeline at(double seconds, MailEvent.Builder event) {
    Instant time = T0.plusMillis(Math.round(seconds * 1000));
    MailEvent e = event.timestamp(time.atOffset(ZoneOffset.UTC)).build();
    events.pipeInput(e.clientIp(), e, time);
    return this;
  }

  /** Everything emitted since the last call. */
  List<RelayDenialAggregate> emitted() {
    return aggregates.readValuesToList();
  }

  /** Everything emitted since the last call for one window size. */
  List<RelayDenialAggregate> emitted(Duration size) {
    return emitted().stream().filter(a -> a.windowSize().equals(size.toString())).toList();
  }

  double droppedRecords() {
    return driver.metrics().entrySet().stream()
        .filter(m -> isTaskDroppedRecordsTotal(m.getKey()))
        .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue())
        .sum();
  }

  private static boolean isTaskDroppedRecordsTotal(MetricName name) {
    return name.name().equals("dropped-records-total")
        && name.group().equals("stream-task-metrics");
  }

  /** A Postfix relay denial from {@code ip} to a recipient in {@code domain}. */
  static MailEvent.Builder denial(String ip, String domain) {
    return MailEvent.builder(EventType.REJECT)
        .host("mx1")
        .program("postfix/smtpd")
        .service("smtpd")
        .action(RejectAction.REJECT)
        .reason(RejectReason.RELAY_DENIED)
        .stage("RCPT")
        .clientIp(ip)
        .smtpCode(554)
        .enhancedCode("5.7.1")
        .sender("spam@example.net")
        .recipient("victim@" + domain)
        .recipientDomain(domain)
        .raw("NOQUEUE: reject: RCPT from unknown[" + ip + "]: 554 5.7.1 <victim@" + domain + ">");
  }

  static MailEvent.Builder denial(String ip) {
    return denial(ip, "example.org");
  }

  @Override
  public void close() {
    driver.close();
  }
}
