package io.relaywatch.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When to hurt which role, drawn from a seed: each killed role gets its kills spread over the
 * middle of the run (10% to 80% of it, one kill in each of equal slots, so two kills of one role
 * are never on top of each other), and each restarted role one restart somewhere in that span. The
 * last fifth is left quiet so the pipeline is whole again before the writer stops.
 */
record FaultPlan(List<Fault> faults) {
  /** SIGKILL and an immediate restart, or a clean stop, a pause and a start. */
  enum Kind {
    KILL,
    RESTART
  }

  /** One fault: what happens to {@code role} at {@code at} after the writer started. */
  record Fault(Duration at, String role, Kind kind) {}

  FaultPlan {
    faults = List.copyOf(faults);
  }

  static FaultPlan draw(
      long seed, Duration run, List<String> killed, int killsEach, List<String> restarted) {
    SplittableRandom random = new SplittableRandom(seed);
    long from = run.toMillis() / 10;
    long span = run.toMillis() * 8 / 10 - from;
    List<Fault> faults = new ArrayList<>();
    for (String role : killed) {
      long slot = span / killsEach;
      for (int i = 0; i < killsEach; i++) {
        long at = from + i * slot + random.nextLong(slot);
        faults.add(new Fault(Duration.ofMillis(at), role, Kind.KILL));
      }
    }
    for (String role : restarted) {
      faults.add(new Fault(Duration.ofMillis(from + random.nextLong(span)), role, Kind.RESTART));
    }
    faults.sort(Comparator.comparing(Fault::at));
    return new FaultPlan(faults);
  }

  /** Two kills a role per two minutes, at least two in all. */
  static int killsFor(Duration run) {
    return (int) Math.max(2, run.toSeconds() / 60);
  }
}
