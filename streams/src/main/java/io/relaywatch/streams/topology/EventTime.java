package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for {@code relaywatch.events}: the time the line was logged, as parsed. Never negative
 * (a nonsense date falls back to the record's own timestamp, then to stream time), so a hostile
 * line cannot poison windows.
 */
public final class EventTime implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof MailEvent event) {
      return of(event, record.timestamp() >= 0 ? record.timestamp() : partitionTime);
    }
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
  }

  /** The event's time in epoch milliseconds, or {@code fallback} when it has none that is valid. */
  static long of(MailEvent event, long fallback) {
    long millis = event.timestamp().toInstant().toEpochMilli();
    return millis >= 0 ? millis : Math.max(0, fallback);
  }
}
