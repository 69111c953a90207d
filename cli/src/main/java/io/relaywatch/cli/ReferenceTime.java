package io.relaywatch.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * The value of {@code --reference-time}: an instant, or a local date and time read in {@code
 * --zone}, which is only known once all options are parsed.
 */
record ReferenceTime(Instant instant, LocalDateTime local) {
  static final String EXPECTED =
      "expected an ISO 8601 time such as 2026-11-03T10:33:27Z, 2026-11-03T10:33:27+01:00,"
          + " 2026-11-03T10:33:27 (in --zone) or 2026-11-03";

  Instant in(ZoneId zone) {
    return instant != null ? instant : local.atZone(zone).toInstant();
  }

  /** Picocli converter; its message becomes "Invalid value for option '--reference-time': ...". */
  static final class Converter implements CommandLine.ITypeConverter<ReferenceTime> {
    @Override
    public ReferenceTime convert(String value) {
      try {
        return new ReferenceTime(OffsetDateTime.parse(value).toInstant(), null);
      } catch (DateTimeParseException notOffset) {
        // Fall through to the zone-less forms.
      }
      try {
        return new ReferenceTime(null, LocalDateTime.parse(value));
      } catch (DateTimeParseException notLocal) {
        // Fall through to a bare date.
      }
      try {
        return new ReferenceTime(null, LocalDate.parse(value).atStartOfDay());
      } catch (DateTimeException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a time; " + EXPECTED);
      }
    }
  }

  /** Picocli converter for {@code --zone}. */
  static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw new CommandLine.TypeConversionException(
            "'"
                + value
                + "' is not a time zone; expected a region such as Europe/Berlin, UTC,"
                + " or an offset such as +01:00");
      }
    }
  }
}
