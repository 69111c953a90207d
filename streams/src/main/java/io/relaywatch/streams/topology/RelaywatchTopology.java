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
 * </pre>
 *
 * Every processor and sink is named, so that {@code describe()} is stable across versions (checked
 * by a golden file).
 */
public final class RelaywatchTopology {
  private RelaywatchTopology() {}

  public static Topology build(LineParser parser, StreamsMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    parseLines(builder, parser, metrics);
    return builder.build();
  }

  private static void parseLines(
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
    routes
        .get("route-parsed")
        .map(
            (host, result) -> {
              MailEvent event = ((ParseResult.Parsed) result).event();
              return KeyValue.pair(keyOf(host, event), event);
            },
            Named.as("key-by-client-ip"))
        .to(Topics.EVENTS.name(), produced(Topics.EVENTS, "events-sink"));
    routes
        .get("route-unparsed")
        .mapValues(
            result -> ((ParseResult.Unparsed) result).toUnparsedLine(), Named.as("unparsed-line"))
        .to(Topics.UNPARSED.name(), produced(Topics.UNPARSED, "unparsed-sink"));
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
