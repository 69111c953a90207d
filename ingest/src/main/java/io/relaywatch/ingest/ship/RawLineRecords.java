package io.relaywatch.ingest.ship;

import io.relaywatch.events.RawLineHeaders;
import io.relaywatch.ingest.source.SourceLine;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Builds {@code relaywatch.raw-lines} records: key the mail host, value the bytes, headers the
 * origin. Everything that is the same for many records (the key, the source header) is encoded
 * once, because this runs on the shipping thread once per line.
 */
final class RawLineRecords {
  private static final Header CUT = new RecordHeader(RawLineHeaders.CUT, new byte[] {'1'});

  private final String topic;
  private final byte[] host;
  private final Map<String, Header> sourceHeaders = new HashMap<>();

  RawLineRecords(String topic, String host) {
    this.topic = topic;
    this.host = host.getBytes(StandardCharsets.UTF_8);
  }

  /** The source header, shared by every line of the source. */
  Header sourceHeader(String source) {
    return sourceHeaders.computeIfAbsent(
        source, s -> new RecordHeader(RawLineHeaders.SOURCE, s.getBytes(StandardCharsets.UTF_8)));
  }

  ProducerRecord<byte[], byte[]> line(Header source, SourceLine line) {
    List<Header> headers;
    if (line.eventId() == null) {
      headers = line.cut() ? List.of(source, CUT) : List.of(source);
    } else {
      Header id = new RecordHeader(RawLineHeaders.ID, line.eventId());
      headers = line.cut() ? List.of(source, id, CUT) : List.of(source, id);
    }
    // No timestamp: the producer stamps the ingestion time; event time is parsed downstream.
    // A plain list, not RecordHeaders: ProducerRecord copies its headers into a RecordHeaders of
    // its own either way, so a RecordHeaders here would be built and copied once per line for
    // nothing.
    return new ProducerRecord<>(topic, null, null, host, line.bytes(), headers);
  }
}
