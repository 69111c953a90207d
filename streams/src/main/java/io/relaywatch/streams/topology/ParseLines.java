package io.relaywatch.streams.topology;

import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Parses raw lines. The record's timestamp is when the shipper read the line: the reference for the
 * year RFC 3164 omits. Parsed events leave with their event time as the record timestamp, so that
 * everything downstream windows by when things happened, not when they were shipped.
 */
final class ParseLines implements FixedKeyProcessor<String, byte[], ParseResult> {
  private final LineParser parser;
  private final StreamsMetrics metrics;
  private FixedKeyProcessorContext<String, ParseResult> context;

  ParseLines(LineParser parser, StreamsMetrics metrics) {
    this.parser = parser;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ParseResult> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    byte[] bytes = record.value();
    if (bytes == null) {
      return; // a tombstone carries no line
    }
    if (parser.ignoresUndecoded(bytes, 0, bytes.length)) {
      metrics.record(ParseResult.IGNORED);
      return;
    }
    // Invalid UTF-8 becomes U+FFFD here; the raw topic keeps the original bytes.
    String line = new String(bytes, StandardCharsets.UTF_8);
    ParseResult result = parser.parse(line, Instant.ofEpochMilli(Math.max(0, record.timestamp())));
    metrics.record(result);
    if (result instanceof ParseResult.Parsed parsed) {
      context.forward(
          record.withValue(result).withTimestamp(EventTime.of(parsed.event(), record.timestamp())));
    } else if (result instanceof ParseResult.Unparsed) {
      context.forward(record.withValue(result));
    }
  }
}
