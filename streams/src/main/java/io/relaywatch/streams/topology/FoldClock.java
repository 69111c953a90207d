package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The event-time clock and scan schedule of a fold ({@link SessionJoin}, {@link MessageJoin}), the
 * one implementation for the topology and for {@code relaywatch diagnose}: every event moves the
 * clock to the latest event time seen, and a scan for quiet items is due on the multiples of the
 * interval, first on the first event (as a Streams {@code STREAM_TIME} punctuator is scheduled).
 *
 * <p>The topology cannot use Streams' own stream time: the folds run in the sub-topology of {@code
 * relaywatch.raw-lines}, whose stream time is when lines were shipped, not when they were logged.
 * The clock lives in memory only: after a restart the first event sets it again (see
 * docs/streams.md).
 */
final class FoldClock {
  private final long intervalMillis;
  private long streamTime = -1;
  private long nextScan;

  FoldClock(Duration interval) {
    this.intervalMillis = interval.toMillis();
  }

  /**
   * The record time of an event read from a log: its event time, or the clock when it has none that
   * is valid.
   */
  long recordTime(MailEvent event) {
    return EventTime.of(event, Math.max(0, streamTime));
  }

  /**
   * Moves the clock to {@code recordTime} if that is later; when a scan is due, runs {@code scan}
   * with the clock's time, before the event is folded in.
   */
  void advance(long recordTime, LongConsumer scan) {
    streamTime = Math.max(streamTime, recordTime);
    if (streamTime >= nextScan) {
      scan.accept(streamTime);
      nextScan += ((streamTime - nextScan) / intervalMillis + 1) * intervalMillis;
    }
  }
}
