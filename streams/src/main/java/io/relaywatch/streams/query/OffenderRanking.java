package io.relaywatch.streams.query;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders offenders and merges the local top lists of several instances. Each client IP lives on
 * exactly one partition, hence in one instance's stores, so the global top N is contained in the
 * union of the local top Ns; a client seen twice (a partition that just moved) keeps its newest
 * window.
 */
public final class OffenderRanking {
  /** Most denials first; ties by the latest denial, then by address, so the order is stable. */
  static final Comparator<Offender> ORDER =
      Comparator.comparingLong(Offender::count)
          .reversed()
          .thenComparing(
              Offender::lastSeen, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
          .thenComparing(Offender::clientIp);

  private OffenderRanking() {}

  /** The first {@code limit} offenders of all the given rows, one per client IP. */
  public static List<Offender> top(Collection<Offender> rows, int limit) {
    Map<String, Offender> byIp = new LinkedHashMap<>();
    for (Offender row : rows) {
      byIp.merge(row.clientIp(), row, OffenderRanking::newer);
    }
    return byIp.values().stream().sorted(ORDER).limit(limit).toList();
  }

  private static Offender newer(Offender a, Offender b) {
    int byWindow = a.windowStart().compareTo(b.windowStart());
    if (byWindow != 0) {
      return byWindow > 0 ? a : b;
    }
    return a.count() >= b.count() ? a : b;
  }
}
