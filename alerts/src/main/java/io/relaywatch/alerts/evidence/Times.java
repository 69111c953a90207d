package io.relaywatch.alerts.evidence;

import java.time.OffsetDateTime;

/** Null-tolerant earliest and latest of log times. */
final class Times {
  private Times() {}

  static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isBefore(a) ? a : b;
  }

  static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isAfter(a) ? a : b;
  }
}
