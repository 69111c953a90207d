package io.relaywatch.streams.topology;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.Topics;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A test topology of message correlation alone: real-format log lines, parsed by the real parser,
 * enter as events at their own event time (as the real topology stamps them); message records and
 * the metrics come out.
 */
final class MessageDriver implements AutoCloseable {
  private static final MailLogParser PARSER = MailLogParser.create(ZoneOffset.UTC);
  private static final Instant SHIPPED = Instant.parse("2026-11-28T12:00:00Z");

  final CollectorRegistry registry = new CollectorRegistry();
  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, MailEvent> events;
  private final TestOutputTopic<String, MessageRecord> messages;

  MessageDriver(MessageConfig config) {
    stateDir = TestDrivers.stateDir("messages-test");
    driver =
        new TopologyTestDriver(
            topology(config, new StreamsMetrics(registry)),
            TestDrivers.properties("messages-test", stateDir));
    events = TestDrivers.input(driver, Topics.EVENTS);
    messages = TestDrivers.output(driver, Topics.MESSAGES);
  }

  static Topology topology(MessageConfig config, StreamsMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, MailEvent> events =
        builder.stream(
            Topics.EVENTS.name(),
            Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde())
                .withName("events-source"));
    MessageCorrelation.addTo(events, config, metrics)
        .to(
            Topics.MESSAGES.name(),
            Produced.with(Topics.MESSAGES.keySerde(), Topics.MESSAGES.valueSerde())
                .withName("messages-sink"));
    return builder.build();
  }

  /** Logs lines, each parsed and entering at its own time, keyed as the real topology keys it. */
  void log(String... lines) {
    for (String line : lines) {
      if (!(PARSER.parse(line, SHIPPED) instanceof ParseResult.Parsed parsed)) {
        throw new AssertionError("not parsed: " + line);
      }
      MailEvent event = parsed.event();
      events.pipeInput(
          RelaywatchTopology.keyOf("mx1", event), event, event.timestamp().toInstant());
    }
  }

  /** Every message closed since the last call, with its key. */
  List<KeyValue<String, MessageRecord>> closedMessages() {
    return messages.readKeyValuesToList();
  }

  /** Messages still open in the {@code open-messages} store. */
  long openMessages() {
    KeyValueStore<String, Object> store = driver.getKeyValueStore(MessageCorrelation.STORE);
    long n = 0;
    try (var all = store.all()) {
      while (all.hasNext()) {
        all.next();
        n++;
      }
    }
    return n;
  }

  double metric(String name, String... labelsAndValues) {
    String[] names = new String[labelsAndValues.length / 2];
    String[] values = new String[labelsAndValues.length / 2];
    for (int i = 0; i < names.length; i++) {
      names[i] = labelsAndValues[2 * i];
      values[i] = labelsAndValues[2 * i + 1];
    }
    Double v = registry.getSampleValue(name, names, values);
    return v == null ? 0 : v;
  }

  @Override
  public void close() {
    driver.close();
    TestDrivers.deleteStateDir(stateDir);
  }
}
