package io.relaywatch.alerts.engine.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds of one rule, as given in the catalogue. Counts are whole numbers of at least 1;
 * shares are fractions in (0, 1]. Which names a rule reads, and of which kind, is declared by its
 * {@link RuleType}.
 */
public final class Thresholds {
  /**
   * What a threshold measures, which decides its valid values and whether min-count replaces it.
   */
  public enum Kind {
    /** A number of events, sessions, clients or domains: a whole number of at least 1. */
    COUNT,
    /** A fraction of a count: a number greater than 0 and at most 1. */
    SHARE
  }

  private final Map<String, Number> values;

  private Thresholds(Map<String, Number> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Thresholds already validated against their kinds (see {@link RuleType#thresholds()}). */
  public static Thresholds of(Map<String, Number> values) {
    return new Thresholds(values);
  }

  /** A count threshold the catalogue gave. */
  public long count(String name) {
    return Objects.requireNonNull(values.get(name), name).longValue();
  }

  /** A share threshold the catalogue gave. */
  public double share(String name) {
    return Objects.requireNonNull(values.get(name), name).doubleValue();
  }

  /** The same thresholds with every count replaced by {@code n}; shares stay. */
  public Thresholds withCounts(long n, Map<String, Kind> kinds) {
    Map<String, Number> replaced = new LinkedHashMap<>(values);
    kinds.forEach(
        (name, kind) -> {
          if (kind == Kind.COUNT && replaced.containsKey(name)) {
            replaced.put(name, n);
          }
        });
    return new Thresholds(replaced);
  }

  /** The thresholds by name, in catalogue order. */
  public Map<String, Number> values() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
