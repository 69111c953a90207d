package io.relaywatch.alerts.service;

import static io.relaywatch.alerts.evidence.TestRecords.T0;

import io.relaywatch.alerts.evidence.TestRecords;
import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * An alert lifecycle driven like a script: which findings each evaluation produces from which
 * second on, evaluations every {@code evaluationInterval}, and what was sent when (alertmanager's
 * acceptance tests: {@code At(1)... Want(Between(2, 2.5), ...)}).
 */
final class Timeline {
  /** One alert state sent at {@code second} after {@code T0}. */
  record Sent(long second, Alert alert) {
    AlertStatus status() {
      return alert.status();
    }

    /** "60 firing", "600 resolved": easy to compare against a script. */
    String brief() {
      return second + " " + alert.status().wireName();
    }

    long startsAt() {
      return Duration.between(T0, alert.startsAt()).toSeconds();
    }

    long endsAt() {
      return Duration.between(T0, alert.endsAt()).toSeconds();
    }
  }

  private final AlertTiming timing;
  private final AlertLifecycle lifecycle;
  // From each second on, until the next entry: what every evaluation produces.
  private final TreeMap<Long, LongFunction<List<Finding>>> script = new TreeMap<>();
  private final List<Sent> sent = new ArrayList<>();
  private long clock;

  Timeline(AlertTiming timing) {
    this(timing, new AlertLifecycle(timing));
  }

  Timeline(AlertTiming timing, AlertLifecycle lifecycle) {
    this.timing = timing;
    this.lifecycle = lifecycle;
    script.put(0L, t -> List.of());
  }

  /** From {@code second} on, every evaluation produces {@code findings}. */
  Timeline at(long second, Finding... findings) {
    List<Finding> list = List.of(findings);
    script.put(second, t -> list);
    return this;
  }

  /** Evaluates every interval from the current time up to {@code second}, inclusive. */
  Timeline runUntil(long second) {
    long step = timing.evaluationInterval().toSeconds();
    for (; clock <= second; clock += step) {
      List<Finding> findings = script.floorEntry(clock).getValue().apply(clock);
      for (Alert a : lifecycle.evaluate(findings, TestRecords.at(clock))) {
        sent.add(new Sent(clock, a));
      }
    }
    return this;
  }

  /** What was sent for the finding's key, in order. */
  List<Sent> sent(Finding f) {
    return sent.stream().filter(s -> s.alert().key().equals(f.key())).toList();
  }

  /** The "second status" lines sent for the finding's key. */
  List<String> briefs(Finding f) {
    return sent(f).stream().map(Sent::brief).toList();
  }

  AlertLifecycle lifecycle() {
    return lifecycle;
  }
}
