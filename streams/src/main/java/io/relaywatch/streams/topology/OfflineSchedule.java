package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The stream time and punctuation schedule a Streams task keeps, for the folds ({@link
 * SessionJoin}, {@link MessageJoin}) when they run offline over a log: every event moves stream
 * time to the latest event time seen, and a scan is due on the multiples of the interval, first on
 * the first event.
 */
final class OfflineSchedule {
  private final long intervalMillis;
  private long streamTime = -1;
  private long nextScan;

  OfflineSchedule(Duration interval) {
    this.intervalMillis = interval.toMillis();
  }

  /**
   * Moves stream time to the event; when a scan is due, runs {@code scan} with the new stream time
   * before the event is folded in.
   *
   * @return the event's record time
   */
  long advance(MailEvent event, LongConsumer scan) {
    long recordTime = EventTime.of(event, Math.max(0, streamTime));
    streamTime = Math.max(streamTime, recordTime);
    if (streamTime >= nextScan) {
      scan.accept(streamTime);
      nextScan += ((streamTime - nextScan) / intervalMillis + 1) * intervalMillis;
    }
    return recordTime;
  }
}
