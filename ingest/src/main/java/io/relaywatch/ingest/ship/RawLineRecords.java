package io.relaywatch.ingest.ship;

import io.relaywatch.events.RawLineHeaders;
import io.relaywatch.ingest.source.SourceLine;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds {@code relaywatch.raw-lines} records: key the mail host, value the bytes, headers the
 * origin.
 */
final class RawLineRecords {
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

  private final String topic;
  private final String host;

  RawLineRecords(String topic, String host) {
    this.topic = topic;
    this.host = host;
  }

  ProducerRecord<String, byte[]> line(String source, SourceLine line) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(RawLineHeaders.SOURCE, utf8(source));
    if (line.fileId() != null) {
      headers.add(RawLineHeaders.FILE_ID, utf8(line.fileId()));
    }
    if (line.offset() >= 0) {
      headers.add(RawLineHeaders.OFFSET, utf8(Long.toString(line.offset())));
    }
    if (line.eventId() != null) {
      headers.add(RawLineHeaders.EVENT_ID, utf8(line.eventId()));
    }
    if (line.cut()) {
      headers.add(RawLineHeaders.CUT, TRUE);
    }
    // No timestamp: the producer stamps the ingestion time; event time is parsed downstream.
    return new ProducerRecord<>(topic, null, null, host, line.bytes(), headers);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
