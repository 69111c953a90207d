package io.relaywatch.ingest.ship;

import io.relaywatch.events.RawLineHeaders;
import io.relaywatch.ingest.source.SourceLine;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

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
    Header[] headers;
    if (line.eventId() == null) {
      headers = line.cut() ? new Header[] {source, CUT} : new Header[] {source};
    } else {
      Header id = new RecordHeader(RawLineHeaders.ID, line.eventId());
      headers = line.cut() ? new Header[] {source, id, CUT} : new Header[] {source, id};
    }
    // No timestamp: the producer stamps the ingestion time; event time is parsed downstream.
    return new ProducerRecord<>(topic, null, null, host, line.bytes(), new RecordHeaders(headers));
  }
}
