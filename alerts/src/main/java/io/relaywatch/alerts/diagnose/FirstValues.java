package io.relaywatch.alerts.diagnose;

import java.util.ArrayList;
import java.util.List;

/**
 * The first few distinct values of something (services, hosts, user names, raw lines), in the order
 * seen, each cut to a length: log text is attacker-controlled and must not grow memory.
 */
final class FirstValues {
  private final int max;
  private final int maxChars;
  private final boolean distinct;
  private final List<String> values = new ArrayList<>(2);

  private FirstValues(int max, int maxChars, boolean distinct) {
    this.max = max;
    this.maxChars = maxChars;
    this.distinct = distinct;
  }

  /** Keeps the first {@code max} different values. */
  static FirstValues distinct(int max, int maxChars) {
    return new FirstValues(max, maxChars, true);
  }

  /** Keeps the first {@code max} values, repeats included (raw lines). */
  static FirstValues first(int max, int maxChars) {
    return new FirstValues(max, maxChars, false);
  }

  void add(String value) {
    if (value == null || values.size() >= max) {
      return;
    }
    String kept = value.length() > maxChars ? value.substring(0, maxChars) + "..." : value;
    if (!distinct || !values.contains(kept)) {
      values.add(kept);
    }
  }

  List<String> values() {
    return List.copyOf(values);
  }
}
