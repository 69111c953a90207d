package io.relaywatch.streams.topology;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.events.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A test topology of session correlation alone: MailEvents in, sessions and SASL backend errors
 * out. Events enter at their own event time, as the real topology stamps them.
 */
final class SessionDriver implements AutoCloseable {
  final CollectorRegistry registry = new CollectorRegistry();
  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, MailEvent> events;
  private final TestOutputTopic<String, SessionRecord> sessions;
  private final TestOutputTopic<String, MailEvent> backendErrors;

  SessionDriver(SessionConfig config) {
    stateDir = TestDrivers.stateDir("sessions-test");
    driver =
        new TopologyTestDriver(
            topology(config, new StreamsMetrics(registry)),
            TestDrivers.properties("sessions-test", stateDir));
    events = TestDrivers.input(driver, Topics.EVENTS);
    sessions = TestDrivers.output(driver, Topics.SESSIONS);
    backendErrors = TestDrivers.output(driver, Topics.SASL_BACKEND_ERRORS);
  }

  static Topology topology(SessionConfig config, StreamsMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, MailEvent> events =
        builder.stream(
            Topics.EVENTS.name(),
            Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde())
                .withName("events-source"));
    SessionCorrelation.addTo(events, config, metrics)
        .to(
            Topics.SESSIONS.name(),
            Produced.with(Topics.SESSIONS.keySerde(), Topics.SESSIONS.valueSerde())
                .withName("sessions-sink"));
    SessionCorrelation.saslBackendErrors(events)
        .to(
            Topics.SASL_BACKEND_ERRORS.name(),
            Produced.with(
                    Topics.SASL_BACKEND_ERRORS.keySerde(), Topics.SASL_BACKEND_ERRORS.valueSerde())
                .withName("sasl-backend-errors-sink"));
    return builder.build();
  }

  /** Logs one line: the event enters keyed as the real topology keys it, at its own time. */
  void log(MailEvent event) {
    String key = event.clientIp() != null ? event.clientIp() : event.host();
    Instant at = event.timestamp().toInstant();
    events.pipeInput(key, event, at);
  }

  /** Every session closed since the last call, with its key. */
  List<KeyValue<String, SessionRecord>> closedSessions() {
    return sessions.readKeyValuesToList();
  }

  List<KeyValue<String, MailEvent>> backendErrors() {
    return backendErrors.readKeyValuesToList();
  }

  @Override
  public void close() {
    driver.close();
    TestDrivers.deleteStateDir(stateDir);
  }
}
