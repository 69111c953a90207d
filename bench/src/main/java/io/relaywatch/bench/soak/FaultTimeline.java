package io.relaywatch.bench.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What happened to which role when, relative to the start of the soak; printed at the end. */
final class FaultTimeline {
  /** One entry: a kill, a stop, a start, or a role that exited on its own. */
  record Entry(Duration at, String role, String what) {}

  private final Instant start;
  private final List<Entry> entries = new ArrayList<>();

  FaultTimeline(Instant start) {
    this.start = start;
  }

  synchronized void record(String role, String what) {
    Entry entry = new Entry(Duration.between(start, Instant.now()), role, what);
    entries.add(entry);
    System.out.printf("soak: %s %-12s %s%n", format(entry.at()), role, what);
  }

  synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  synchronized long count(String role, String prefix) {
    return entries.stream()
        .filter(e -> e.role().equals(role) && e.what().startsWith(prefix))
        .count();
  }

  synchronized void print(PrintStream out) {
    out.println("fault timeline (t = seconds since start):");
    for (Entry e : entries) {
      out.printf("  %s  %-12s %s%n", format(e.at()), e.role(), e.what());
    }
  }

  static String format(Duration at) {
    return String.format("t=%6.1fs", at.toMillis() / 1000.0);
  }
}
