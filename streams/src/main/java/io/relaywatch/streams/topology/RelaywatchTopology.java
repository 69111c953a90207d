package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.ParseResult;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The whole Streams application, top to bottom as in the README diagram:
 *
 * <pre>
 * relaywatch.raw-lines (key: mail host)
 *   -> parse (event time becomes the record time)
 *   -> recognised events, keyed by client IP (or host) -> relaywatch.events
 *   -> unparsed lines with their reason               -> relaywatch.unparsed
 *   -> ignored lines: counted only
 *   -> Postfix smtpd events, folded by process here    -> sessions -> relaywatch.sessions
 *   -> SASL backend failures, by mail host             -> relaywatch.sasl-backend-errors
 *   -> relay denials, by client IP (repartition)
 *        -> windowed aggregates per client             -> relaywatch.relay-denials
 *   -> Postfix message lines, folded by queue id here  -> messages -> relaywatch.messages
 * relaywatch.sessions (key: client IP)
 *   -> the last sessions per client                    -> store recent-session-slots (queries)
 * </pre>
 *
 * The folds of sessions and messages run in the task of the raw lines (one mail host's lines are on
 * one partition, in log order), on their own event-time clock, with no repartition.
 *
 * <p>Every processor and sink is named, so that {@code describe()} is stable across versions
 * (checked by a golden file).
 */
public final class RelaywatchTopology {
  private RelaywatchTopology() {}

  /** The topology with default message settings (the aggregation's local domains). */
  public static Topology build(
      LineParser parser,
      StreamsMetrics metrics,
      AggregationConfig aggregation,
      SessionConfig sessions) {
    return build(
        parser,
        metrics,
        aggregation,
        sessions,
        MessageConfig.defaults().withLocalDomains(aggregation.localDomains()));
  }

  public static Topology build(
      LineParser parser,
      StreamsMetrics metrics,
      AggregationConfig aggregation,
      SessionConfig sessions,
      MessageConfig messages) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, MailEvent> parsed = parseLines(builder, parser, metrics);
    // Sessions fold each process's lines in log order, which only the parsed stream still has: in
    // this task, keyed by process inside the processor, so no repartition.
    SessionCorrelation.addTo(parsed, sessions, metrics)
        .to(Topics.SESSIONS.name(), produced(Topics.SESSIONS, "sessions-sink"));
    SessionCorrelation.saslBackendErrors(parsed)
        .to(
            Topics.SASL_BACKEND_ERRORS.name(),
            produced(Topics.SASL_BACKEND_ERRORS, "sasl-backend-errors-sink"));
    // Aggregates branch off the parsed stream too: only relay denials cross the repartition by
    // client IP, in a binary encoding, instead of every event read back from relaywatch.events.
    RelayDenialAggregation.addTo(parsed, aggregation);
    // Read back like the events: the sessions topic is keyed by client IP, so the store of each
    // client's recent sessions needs no repartition and is found by key like the aggregates.
    builder.stream(
            Topics.SESSIONS.name(),
            Consumed.with(Topics.SESSIONS.keySerde(), Topics.SESSIONS.valueSerde())
                .withName("sessions-source"))
        .process(RememberSessions.supplier(), Named.as("remember-recent-sessions"));
    // Messages, like sessions, need each queue id's lines in log order: folded in this task too.
    MessageCorrelation.addTo(parsed, messages, metrics)
        .to(Topics.MESSAGES.name(), produced(Topics.MESSAGES, "messages-sink"));
    return builder.build();
  }

  /** Parses and routes; returns the recognised events keyed by client IP, in log order. */
  private static KStream<String, MailEvent> parseLines(
      StreamsBuilder builder, LineParser parser, StreamsMetrics metrics) {
    Map<String, KStream<String, ParseResult>> routes =
        builder.stream(
                Topics.RAW_LINES.name(),
                Consumed.with(Topics.RAW_LINES.keySerde(), Topics.RAW_LINES.valueSerde())
                    .withName("raw-lines-source"))
            .processValues(() -> new ParseLines(parser, metrics), Named.as("parse"))
            .split(Named.as("route-"))
            .branch((host, result) -> result instanceof ParseResult.Parsed, Branched.as("parsed"))
            .defaultBranch(Branched.as("unparsed"));
    KStream<String, MailEvent> events =
        routes
            .get("route-parsed")
            .map(
                (host, result) -> {
                  MailEvent event = ((ParseResult.Parsed) result).event();
                  return KeyValue.pair(keyOf(host, event), event);
                },
                Named.as("key-by-client-ip"));
    events.to(Topics.EVENTS.name(), produced(Topics.EVENTS, "events-sink"));
    routes
        .get("route-unparsed")
        .mapValues(
            result -> ((ParseResult.Unparsed) result).toUnparsedLine(), Named.as("unparsed-line"))
        .to(Topics.UNPARSED.name(), produced(Topics.UNPARSED, "unparsed-sink"));
    return events;
  }

  /**
   * Everything about one client lands on one partition; events without a client on their host's.
   */
  static String keyOf(String host, MailEvent event) {
    if (event.clientIp() != null) {
      return event.clientIp();
    }
    return event.host() != null ? event.host() : host;
  }

  private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
    return Produced.with(Serdes.String(), topic.valueSerde()).withName(name);
  }
}
