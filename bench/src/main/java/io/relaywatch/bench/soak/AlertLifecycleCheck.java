package io.relaywatch.bench.soak;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks the alerts against what the soak's probers must cause. Every expected key must reach the
 * webhook and Alertmanager with one lifecycle: one {@code startsAt} across re-sends, restarts of
 * the alert service and of Alertmanager, and never firing again after a resolve. The alert of a
 * prober that keeps probing must not resolve before the writer stops; that of one that went quiet
 * must have resolved.
 */
final class AlertLifecycleCheck {
  /** The figures and, when it failed, why. */
  record Result(
      int expected,
      int delivered,
      int inAlertmanager,
      int notifications,
      int redeliveries,
      int lifecycles,
      Set<String> unexpectedKeys,
      List<String> problems) {
    boolean passed() {
      return problems.isEmpty();
    }
  }

  private AlertLifecycleCheck() {}

  static Result check(
      Set<String> steady,
      Set<String> quiet,
      Instant steadyUntil,
      List<AlertState> webhook,
      List<AlertState> am) {
    Map<String, List<AlertState>> byKey = byKey(webhook);
    Map<String, List<AlertState>> amByKey = byKey(am);
    Set<String> expected = new TreeSet<>(steady);
    expected.addAll(quiet);
    List<String> problems = new ArrayList<>();
    int lifecycles = 0;
    for (String key : expected) {
      List<AlertState> states = byKey.getOrDefault(key, List.of());
      if (states.isEmpty()) {
        problems.add(key + ": never delivered to the webhook");
        continue;
      }
      Set<Instant> starts = startsAt(states);
      lifecycles += starts.size();
      if (starts.size() != 1) {
        problems.add(key + ": " + starts.size() + " lifecycles, startsAt " + starts);
      }
      long flaps = flaps(states);
      if (flaps > 0) {
        problems.add(key + ": fired again after resolving (" + flaps + " times)");
      }
      if (steady.contains(key) && resolvedBefore(states, steadyUntil)) {
        problems.add(key + ": resolved while its prober was still probing");
      }
      if (quiet.contains(key) && states.get(states.size() - 1).firing()) {
        problems.add(key + ": still firing although its prober went quiet");
      }
      checkAlertmanager(key, starts, amByKey.getOrDefault(key, List.of()), problems);
    }
    Set<String> unexpected = new TreeSet<>(byKey.keySet());
    unexpected.removeAll(expected);
    long distinctIds = webhook.stream().map(AlertState::id).distinct().count();
    return new Result(
        expected.size(),
        (int) expected.stream().filter(byKey::containsKey).count(),
        (int) expected.stream().filter(amByKey::containsKey).count(),
        webhook.size(),
        (int) (webhook.size() - distinctIds),
        lifecycles,
        unexpected,
        problems);
  }

  private static void checkAlertmanager(
      String key, Set<Instant> starts, List<AlertState> observed, List<String> problems) {
    if (observed.isEmpty()) {
      problems.add(key + ": never listed by Alertmanager");
      return;
    }
    Set<Instant> amStarts = startsAt(observed);
    if (!starts.containsAll(amStarts)) {
      problems.add(key + ": Alertmanager listed startsAt " + amStarts + ", relaywatch " + starts);
    }
  }

  private static Map<String, List<AlertState>> byKey(List<AlertState> states) {
    Map<String, List<AlertState>> byKey = new TreeMap<>();
    for (AlertState s : states) {
      byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
    }
    byKey.values().forEach(l -> l.sort(Comparator.comparing(AlertState::updatedAt)));
    return byKey;
  }

  // Alertmanager keeps milliseconds; relaywatch's own times may carry more.
  private static Set<Instant> startsAt(List<AlertState> states) {
    return states.stream()
        .map(s -> s.startsAt().truncatedTo(ChronoUnit.MILLIS))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean resolvedBefore(List<AlertState> states, Instant until) {
    return states.stream().anyMatch(s -> !s.firing() && s.updatedAt().isBefore(until));
  }

  /** Resolved states followed by a firing one, in the order the states were written. */
  static long flaps(List<AlertState> states) {
    long flaps = 0;
    boolean resolved = false;
    for (AlertState s : states) {
      if (s.firing() && resolved) {
        flaps++;
      }
      resolved = !s.firing();
    }
    return flaps;
  }
}
