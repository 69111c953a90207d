package io.relaywatch.streams.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/**
 * RFC 3164 timestamps have no year. The year chosen is the one that puts the event nearest to the
 * reference time (when the line was read) without being more than one day after it: a line is never
 * read long before it was written, but clocks and zones drift by hours.
 */
final class YearInference {
  private static final long MAX_AHEAD_SECONDS = 24 * 3600;
  // Feb 29 may need to go back to the previous leap year.
  private static final int MAX_YEARS_BACK = 8;
  private static final long NO_SUCH_TIME = Long.MIN_VALUE;

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
    int bestYear = 0;
    long bestDistance = Long.MAX_VALUE;
    ZoneOffset fixed = fixedOffset(zone);
    for (int year = referenceYear + 1; year >= referenceYear - MAX_YEARS_BACK; year--) {
      if (bestDistance != Long.MAX_VALUE && year < referenceYear - 1) {
        break;
      }
      if (fixed != null) {
        // Same arithmetic as below without building a ZonedDateTime per candidate year: the
        // common case (UTC or a fixed offset) and three to four candidates on every line.
        long epochSecond = epochSecond(year, month, day, hour, minute, second, nanos, fixed);
        if (epochSecond == NO_SUCH_TIME || epochSecond > latest) {
          continue;
        }
        long distance = Math.abs(epochSecond - reference.getEpochSecond());
        if (distance < bestDistance) {
          bestYear = year;
          bestDistance = distance;
        }
        continue;
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
    if (fixed != null) {
      return bestDistance == Long.MAX_VALUE
          ? null
          : OffsetDateTime.of(bestYear, month, day, hour, minute, second, nanos, fixed);
    }
    return best == null ? null : best.toOffsetDateTime();
  }

  /** The zone's only offset, or null when it has rules (daylight saving time). */
  private static ZoneOffset fixedOffset(ZoneId zone) {
    if (zone instanceof ZoneOffset offset) {
      return offset;
    }
    ZoneRules rules = zone.getRules();
    return rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
  }

  private static long epochSecond(
      int year, int month, int day, int hour, int minute, int second, int nanos, ZoneOffset fixed) {
    if (!exists(year, month, day)) {
      return NO_SUCH_TIME; // the common impossible case, Feb 29, without an exception
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toEpochSecond(fixed);
    } catch (DateTimeException e) {
      return NO_SUCH_TIME;
    }
  }

  /** Whether the date exists (Feb 29 only in leap years, no Apr 31). */
  private static boolean exists(int year, int month, int day) {
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= Month.of(month).length(Year.isLeap(year));
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
