package io.relaywatch.alerts.evidence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Subjects by name, at most {@code max}: beyond it the least recently updated one is dropped and
 * {@code onEviction} told, so that a flood of distinct client IPs cannot exhaust the heap.
 */
final class BoundedSubjects<V> {
  private final Map<String, V> subjects;

  BoundedSubjects(int max, Runnable onEviction) {
    this.subjects =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            if (size() > max) {
              onEviction.run();
              return true;
            }
            return false;
          }
        };
  }

  /** The subject, created when missing; either way it becomes the most recently updated. */
  V update(String name, Function<String, V> create) {
    return subjects.computeIfAbsent(name, create);
  }

  /** The subject if tracked, marked as the most recently updated. */
  V existing(String name) {
    return subjects.get(name);
  }

  Collection<V> values() {
    return subjects.values();
  }

  int size() {
    return subjects.size();
  }
}
