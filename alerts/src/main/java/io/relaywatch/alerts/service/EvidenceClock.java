package io.relaywatch.alerts.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The time the evidence is evaluated at: the wall clock, held back by how far behind the logs the
 * pipeline currently is. When Streams catches up a backlog, evidence arrives minutes or hours after
 * its events; evaluated against the wall clock it would have left the window before it was seen,
 * and the finding (an open-relay probe during a broker outage, say) would never be raised. Held
 * back by the delay, the window slides over the backlog as it arrives; once the pipeline has caught
 * up the delay is a fraction of a second and the clock is the wall clock again, so alerts resolve
 * during quiet periods as before.
 *
 * <p>The delay is the smallest of the last {@link #MEMORY} of arrivals: one mail host whose clock
 * is off does not hold back the others, and a pipeline that is behind is behind for every record.
 * Without arrivals the last delay is kept (a stalled pipeline still holds back the clock). The
 * clock never runs backwards, and never holds back more than {@link #MAX_DELAY}.
 */
final class EvidenceClock {
  /** How long an arrival's delay counts. */
  static final Duration MEMORY = Duration.ofSeconds(30);

  /**
   * A day, like Streams' default grace: evidence that late is no longer worth an alert, and a mail
   * host's clock set a day wrong must not hold back every alert.
   */
  static final Duration MAX_DELAY = Duration.ofDays(1);

  // Per second of arrival, the smallest delay seen in it; oldest first.
  private final Deque<long[]> arrivals = new ArrayDeque<>();
  private long delayMillis;

  /** Notes evidence about an event at {@code eventTime} that arrived at {@code arrival}. */
  void arrived(Instant arrival, OffsetDateTime eventTime) {
    if (eventTime == null) {
      return;
    }
    long delay = Math.max(0, arrival.toEpochMilli() - eventTime.toInstant().toEpochMilli());
    long second = arrival.getEpochSecond();
    long[] newest = arrivals.peekLast();
    if (newest != null && newest[0] == second) {
      newest[1] = Math.min(newest[1], delay);
    } else {
      arrivals.addLast(new long[] {second, delay});
    }
  }

  /** The evaluation time at wall-clock {@code now}. */
  Instant at(Instant now) {
    long oldest = now.minus(MEMORY).getEpochSecond();
    while (arrivals.size() > 1 && arrivals.peekFirst()[0] < oldest) {
      arrivals.removeFirst();
    }
    if (!arrivals.isEmpty()) {
      delayMillis = arrivals.stream().mapToLong(a -> a[1]).min().orElse(0);
    }
    return now.minus(behind());
  }

  /** How far the clock was held back at the last {@link #at}. */
  Duration behind() {
    return Duration.ofMillis(Math.min(delayMillis, MAX_DELAY.toMillis()));
  }
}
