package io.relaywatch.streams.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per key, for keys from small vocabularies (reasons, SMTP codes, services). Keys past a
 * bound are folded into {@link #OTHER}, because services come from log headers that anyone who can
 * write to syslog controls.
 */
final class CountTable {
  static final String OTHER = "(other)";
  private static final int MAX_KEYS = 1_000;

  private final Map<String, long[]> counts = new HashMap<>();

  void add(String key) {
    long[] count = counts.get(key);
    if (count == null) {
      String stored = counts.size() < MAX_KEYS ? key : OTHER;
      count = counts.computeIfAbsent(stored, k -> new long[1]);
    }
    count[0]++;
  }

  /** The counts, largest first, ties by key. */
  Map<String, Long> sorted() {
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        (a, b) -> {
          int byCount = Long.compare(b.getValue()[0], a.getValue()[0]);
          return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        });
    Map<String, Long> result = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> entry : entries) {
      result.put(entry.getKey(), entry.getValue()[0]);
    }
    return Collections.unmodifiableMap(result);
  }
}
