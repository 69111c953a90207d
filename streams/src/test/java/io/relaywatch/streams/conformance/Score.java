package io.relaywatch.streams.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How many corpus cases of one source the parser got right, and what it missed. */
final class Score {
  /** One case the parser got wrong: where, the line, and what went wrong. */
  record Miss(String file, String where, String line, String problem) {}

  private final String name;
  private int checked;
  private int passed;
  private final List<Miss> misses = new ArrayList<>();

  Score(String name) {
    this.name = name;
  }

  void pass() {
    checked++;
    passed++;
  }

  void miss(Miss miss) {
    checked++;
    misses.add(miss);
  }

  void add(Score other) {
    checked += other.checked;
    passed += other.passed;
    misses.addAll(other.misses);
  }

  int checked() {
    return checked;
  }

  double percent() {
    return checked == 0 ? 100.0 : 100.0 * passed / checked;
  }

  List<Miss> misses() {
    return misses;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %d/%d (%.1f%%)", name, passed, checked, percent());
  }
}
