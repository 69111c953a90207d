package io.relaywatch.alerts.evidence;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the {@link EvidenceLedger} remembers.
 *
 * @param window the sliding evaluation window: evidence older than this is forgotten
 * @param aggregateWindowSize the relay-denial aggregates read, by their window size; one of the
 *     Streams {@code aggregation.windowSizes}, and a small one keeps the sliding window exact
 * @param maxSubjects client IPs and mail hosts tracked at most; the least recently updated one is
 *     evicted beyond it
 */
public record LedgerLimits(Duration window, Duration aggregateWindowSize, int maxSubjects) {
  /** Failed SASL user names kept per client: enough to recognise a pattern, bounded memory. */
  public static final int MAX_USERNAMES = 10;

  /** Distinct SASL backend error messages kept per host. */
  public static final int MAX_MESSAGES = 5;

  /** Session and host counts are kept in this many buckets per window. */
  static final int BUCKETS_PER_WINDOW = 60;

  public LedgerLimits {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(aggregateWindowSize, "aggregateWindowSize");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    if (aggregateWindowSize.isNegative() || aggregateWindowSize.isZero()) {
      throw new IllegalArgumentException(
          "aggregateWindowSize must be positive: " + aggregateWindowSize);
    }
    if (maxSubjects < 1) {
      throw new IllegalArgumentException("maxSubjects must be positive: " + maxSubjects);
    }
  }

  /** The length of one count bucket: a sixtieth of the window, at least a second. */
  Duration bucket() {
    Duration b = window.dividedBy(BUCKETS_PER_WINDOW);
    return b.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : b;
  }
}
