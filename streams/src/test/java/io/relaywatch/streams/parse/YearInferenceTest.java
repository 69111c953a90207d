package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YearInferenceTest {
  @ParameterizedTest(name = "{0}-{1} read at {2} is in {3}")
  @CsvSource({
    // the same year when the event is before the reference
    "11, 3, 2026-11-28T12:00:00Z, 2026",
    // December lines read in January belong to the year before
    "12, 31, 2027-01-01T00:10:00Z, 2026",
    // a line at most one day ahead of the reference (clock skew, zones) keeps the year
    "11, 29, 2026-11-28T23:00:00Z, 2026",
    // more than a day ahead cannot have been written yet: last year
    "11, 30, 2026-11-28T12:00:00Z, 2025",
    // January lines read on 31 December just before midnight, one day ahead at most: next year
    "1, 1, 2026-12-31T23:59:00Z, 2027",
    // Feb 29 goes back to the latest leap year
    "2, 29, 2026-11-28T12:00:00Z, 2024",
    "2, 29, 2028-03-01T00:00:00Z, 2028",
  })
  void shouldPickTheNearestYearNotMoreThanADayAhead(
      int month, int day, String reference, int year) {
    assertThat(
            YearInference.resolve(month, day, 0, 0, 0, 0, Instant.parse(reference), ZoneOffset.UTC)
                .getYear())
        .isEqualTo(year);
  }

  @ParameterizedTest
  @CsvSource({"Europe/Berlin, +01:00", "America/New_York, -05:00", "UTC, Z"})
  void shouldApplyTheConfiguredZoneWithItsOffsetOnThatDate(String zone, String offset) {
    assertThat(
            YearInference.resolve(
                    11, 3, 10, 0, 0, 0, Instant.parse("2026-11-28T12:00:00Z"), ZoneId.of(zone))
                .getOffset()
                .toString())
        .isEqualTo(offset);
  }

  @Test
  void shouldAgreeWithTheZonedDateTimeArithmeticForFixedOffsets() {
    Random random = new Random(20261128);
    ZoneId[] zones = {ZoneOffset.UTC, ZoneOffset.ofHours(14), ZoneOffset.ofHoursMinutes(-9, -30)};
    for (int i = 0; i < 50_000; i++) {
      int month = 1 + random.nextInt(12);
      int day = 1 + random.nextInt(31);
      int hour = random.nextInt(24);
      int minute = random.nextInt(60);
      int second = random.nextInt(60);
      int nanos = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
      // References cluster around year ends, where the choice of year changes.
      Instant reference =
          Instant.parse("2020-12-31T00:00:00Z")
              .plusSeconds((long) random.nextInt(8) * 365 * 86400)
              .plusSeconds(random.nextInt(4 * 86400) - 2 * 86400L)
              .plusSeconds(random.nextBoolean() ? 0 : random.nextInt(365 * 86400));
      ZoneId zone = zones[random.nextInt(zones.length)];
      assertThat(YearInference.resolve(month, day, hour, minute, second, nanos, reference, zone))
          .isEqualTo(zonedReference(month, day, hour, minute, second, nanos, reference, zone));
    }
  }

  /** The rule written the slow, obvious way: every candidate year as a ZonedDateTime. */
  private static OffsetDateTime zonedReference(
      int month,
      int day,
      int hour,
      int minute,
      int second,
      int nanos,
      Instant reference,
      ZoneId zone) {
    int referenceYear = reference.atZone(zone).getYear();
    ZonedDateTime best = null;
    for (int year = referenceYear + 1; year >= referenceYear - 8; year--) {
      if (best != null && year < referenceYear - 1) {
        break;
      }
      ZonedDateTime candidate;
      try {
        candidate =
            ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), zone);
      } catch (DateTimeException e) {
        continue;
      }
      if (candidate.toEpochSecond() > reference.getEpochSecond() + 86400) {
        continue;
      }
      if (best == null
          || Math.abs(candidate.toEpochSecond() - reference.getEpochSecond())
              < Math.abs(best.toEpochSecond() - reference.getEpochSecond())) {
        best = candidate;
      }
    }
    return best == null ? null : best.toOffsetDateTime();
  }
}
