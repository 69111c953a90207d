package io.relaywatch.alerts.service;

import java.time.Duration;
import java.util.Objects;

/**
 * When alerts are evaluated, re-sent and resolved.
 *
 * @param evaluationInterval how often all evidence is evaluated even when no record arrives
 * @param resendInterval how often a firing alert is sent again; its {@code endsAt} is {@link
 *     #endsAfter()} ahead, so receivers keep it while the service lives and drop it if it dies
 * @param resolveAfter how long a finding must be absent from every evaluation before its alert
 *     resolves
 */
public record AlertTiming(
    Duration evaluationInterval, Duration resendInterval, Duration resolveAfter) {
  /** Alertmanager's convention: a firing alert ends four re-send intervals after the last one. */
  public static final int ENDS_AFTER_INTERVALS = 4;

  public static final AlertTiming DEFAULTS =
      new AlertTiming(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));

  public AlertTiming {
    Objects.requireNonNull(evaluationInterval, "evaluationInterval");
    Objects.requireNonNull(resendInterval, "resendInterval");
    Objects.requireNonNull(resolveAfter, "resolveAfter");
  }

  /** How far ahead a firing alert's {@code endsAt} lies. */
  public Duration endsAfter() {
    return resendInterval.multipliedBy(ENDS_AFTER_INTERVALS);
  }
}
