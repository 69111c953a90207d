package io.relaywatch.streams.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * RFC 3164 timestamps have no year. The year chosen is the one that puts the event nearest to the
 * reference time (when the line was read) without being more than one day after it: a line is never
 * read long before it was written, but clocks and zones drift by hours.
 */
final class YearInference {
  private static final long MAX_AHEAD_SECONDS = 24 * 3600;
  // Feb 29 may need to go back to the previous leap year.
  private static final int MAX_YEARS_BACK = 8;

  private YearInference() {}

  static OffsetDateTime resolve(
      int month,
      int day,
      int hour,
      int minute,
      int second,
      int nanos,
      Instant reference,
      ZoneId zone) {
    int referenceYear = reference.atZone(zone).getYear();
    long latest = reference.getEpochSecond() + MAX_AHEAD_SECONDS;
    ZonedDateTime best = null;
    long bestDistance = Long.MAX_VALUE;
    for (int year = referenceYear + 1; year >= referenceYear - MAX_YEARS_BACK; year--) {
      if (best != null && year < referenceYear - 1) {
        break;
      }
      ZonedDateTime candidate = at(year, month, day, hour, minute, second, nanos, zone);
      if (candidate == null || candidate.toEpochSecond() > latest) {
        continue;
      }
      long distance = Math.abs(candidate.toEpochSecond() - reference.getEpochSecond());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best == null ? null : best.toOffsetDateTime();
  }

  private static ZonedDateTime at(
      int year, int month, int day, int hour, int minute, int second, int nanos, ZoneId zone) {
    try {
      return ZonedDateTime.of(
          LocalDateTime.of(year, month, day, hour, minute, second, nanos), zone);
    } catch (DateTimeException e) {
      return null; // Feb 29 in a common year, or an impossible date
    }
  }
}
