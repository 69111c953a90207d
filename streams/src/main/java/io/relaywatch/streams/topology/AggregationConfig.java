package io.relaywatch.streams.topology;

import io.relaywatch.config.ConfigException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * How relay denials are aggregated per client IP.
 *
 * @param windowSizes one tumbling window per size; sizes must differ, since each names its store
 * @param grace how long after a window ends a late denial is still counted in it (see {@link
 *     #DEFAULT_GRACE})
 * @param localDomains the domains whose senders count as local (a sender in a subdomain counts too)
 * @param distinctCap distinct recipient domains and senders counted exactly per window; beyond it
 *     the counts are estimates
 * @param listLimit recipient domains, services, codes and mail hosts listed per window
 */
public record AggregationConfig(
    List<Duration> windowSizes,
    Duration grace,
    List<String> localDomains,
    int distinctCap,
    int listLimit) {

  /**
   * A day. Kafka Streams drops a record whose window closed more than the grace before the
   * partition's stream time, and stream time is the newest event time seen. While a backlog is
   * caught up, the events of one mail host can be hours behind another's on the same partition:
   * with a 5-minute grace, 45% of the rejects were dropped catching up a 2-partition backlog
   * (docs/events.md). A day covers a shipper or broker down overnight and a replayed daily log; it
   * costs disk, not correctness: each store keeps a day of windows.
   */
  public static final Duration DEFAULT_GRACE = Duration.ofDays(1);

  public static final AggregationConfig DEFAULTS =
      new AggregationConfig(
          List.of(Duration.ofMinutes(1), Duration.ofHours(1)), DEFAULT_GRACE, List.of(), 1_000, 20);

  public AggregationConfig {
    windowSizes = List.copyOf(require("aggregation.windowSizes", windowSizes));
    validateWindowSizes(windowSizes);
    require("aggregation.grace", grace);
    if (grace.isNegative()) {
      throw invalid("aggregation.grace", grace, "a duration of zero or more, e.g. PT24H");
    }
    localDomains =
        require("localDomains", localDomains).stream()
            .map(d -> d.toLowerCase(Locale.ROOT))
            .toList();
    if (distinctCap < 1) {
      throw invalid("aggregation.distinctCap", distinctCap, "a positive number, e.g. 1000");
    }
    if (listLimit < 1) {
      throw invalid("aggregation.listLimit", listLimit, "a positive number, e.g. 20");
    }
  }

  /** The same settings with other local domains. */
  public AggregationConfig withLocalDomains(List<String> domains) {
    return new AggregationConfig(windowSizes, grace, domains, distinctCap, listLimit);
  }

  /** Whether an envelope sender's domain is, or is under, a configured local domain. */
  boolean isLocal(String senderDomain) {
    for (String local : localDomains) {
      if (senderDomain.equals(local) || senderDomain.endsWith("." + local)) {
        return true;
      }
    }
    return false;
  }

  /** A window size as it appears in store and processor names: {@code 1m}, {@code 1h}, ... */
  public static String label(Duration size) {
    long ms = size.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] suffixes = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms % units[i] == 0) {
        return ms / units[i] + suffixes[i];
      }
    }
    return ms + "ms";
  }

  private static void validateWindowSizes(List<Duration> sizes) {
    if (sizes.isEmpty()) {
      throw invalid("aggregation.windowSizes", sizes, "at least one window size, e.g. [PT1M]");
    }
    var labels = new HashSet<String>();
    for (Duration size : sizes) {
      if (size.toMillis() < 1) {
        throw invalid("aggregation.windowSizes", size, "window sizes of 1 ms or more");
      }
      if (!labels.add(label(size))) {
        throw invalid("aggregation.windowSizes", sizes, "each window size at most once");
      }
    }
  }

  private static <T> T require(String key, T value) {
    if (value == null) {
      throw new ConfigException(key, key + " is missing");
    }
    return value;
  }

  private static ConfigException invalid(String key, Object value, String expected) {
    return new ConfigException(key, key + ": '" + value + "' is not valid; expected " + expected);
  }
}
