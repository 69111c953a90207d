package io.relaywatch.bench.soak;

import io.relaywatch.events.RelayDenialAggregate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Relay-denial totals per client: the last value of each (client, window) of one window size,
 * summed over the windows, against the denials written. The topic carries a window's running total
 * after each denial, so only the newest record per window counts.
 */
final class RelayDenialCheck {
  /** The figures; {@code mismatches} names up to a few clients whose totals differ. */
  record Result(
      long clients, long expected, long counted, long clientsDiffering, String mismatches) {
    boolean passed() {
      return clientsDiffering == 0;
    }
  }

  private final String windowSize;
  private final Map<String, RelayDenialAggregate> latest = new HashMap<>();

  RelayDenialCheck(String windowSize) {
    this.windowSize = windowSize;
  }

  /** Takes one record, in topic order. */
  void accept(RelayDenialAggregate aggregate) {
    if (aggregate != null && windowSize.equals(aggregate.windowSize())) {
      latest.put(aggregate.clientIp() + "@" + aggregate.windowStart(), aggregate);
    }
  }

  Map<String, Long> totals() {
    Map<String, Long> totals = new TreeMap<>();
    for (RelayDenialAggregate a : latest.values()) {
      totals.merge(a.clientIp(), a.count(), Long::sum);
    }
    return totals;
  }

  Result compare(Map<String, Long> expected) {
    Map<String, Long> counted = totals();
    TreeSet<String> clients = new TreeSet<>(expected.keySet());
    clients.addAll(counted.keySet());
    long differing = 0;
    StringBuilder names = new StringBuilder();
    for (String ip : clients) {
      long want = expected.getOrDefault(ip, 0L);
      long got = counted.getOrDefault(ip, 0L);
      if (want != got) {
        if (differing++ < 5) {
          names.append(String.format(" %s written %d counted %d;", ip, want, got));
        }
      }
    }
    return new Result(
        clients.size(),
        expected.values().stream().mapToLong(Long::longValue).sum(),
        counted.values().stream().mapToLong(Long::longValue).sum(),
        differing,
        names.toString().trim());
  }
}
