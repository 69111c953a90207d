package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
}
