package io.relaywatch.streams.parse;

import io.relaywatch.streams.parse.HeaderParser.LocalDateTimeParts;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The time part of ISO-like timestamps: RFC 3339, journalctl short-iso, Exim's mainlog. */
final class IsoTime {
  private static final int[] SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private IsoTime() {}

  /**
   * Reads {@code HH:MM:SS[.f{1,9}][Z|+hh:mm|+hhmm]} after the date. Without an offset the line is
   * in {@code zone}; with {@code exim} the offset may follow a space ({@code log_timezone}) and may
   * be missing, otherwise it is required.
   */
  static OffsetDateTime timeAndOffset(
      Cursor c, int year, int month, int day, ZoneId zone, boolean exim) {
    int hour = c.digits(2);
    int minute = c.accept(':') ? c.digits(2) : -1;
    int second = c.accept(':') ? c.digits(2) : -1;
    if (hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int nanos = c.peek() == '.' || c.peek() == ',' ? fraction(c) : 0;
    if (nanos < 0) {
      return null;
    }
    LocalDateTimeParts parts =
        new LocalDateTimeParts(year, month, day, hour, minute, Math.min(second, 59), nanos);
    ZoneOffset offset = exim ? spacedOffset(c) : offset(c);
    if (offset != null) {
      return HeaderParser.withOffset(parts, offset);
    }
    return exim ? HeaderParser.local(parts, zone) : null;
  }

  /** Reads {@code .f} with 1 to 9 digits as nanoseconds; -1 if there are no digits. */
  static int fraction(Cursor c) {
    int start = c.pos();
    c.pos(start + 1);
    int digitsStart = c.pos();
    int value = c.upToDigits(9);
    int count = c.pos() - digitsStart;
    if (value < 0) {
      c.pos(start);
      return -1;
    }
    while (Character.isDigit(c.peek())) {
      c.pos(c.pos() + 1); // precision beyond nanoseconds is dropped
    }
    return value * SCALE[count];
  }

  private static ZoneOffset spacedOffset(Cursor c) {
    int start = c.pos();
    if (!c.accept(' ') || (c.peek() != '+' && c.peek() != '-')) {
      c.pos(start);
      return null;
    }
    ZoneOffset offset = offset(c);
    if (offset == null) {
      c.pos(start);
    }
    return offset;
  }

  private static ZoneOffset offset(Cursor c) {
    if (c.accept('Z') || c.accept('z')) {
      return ZoneOffset.UTC;
    }
    char sign = c.peek();
    if (sign != '+' && sign != '-') {
      return null;
    }
    int start = c.pos();
    c.pos(start + 1);
    int hours = c.digits(2);
    c.accept(':');
    int minutes = c.digits(2);
    if (hours < 0 || minutes < 0) {
      c.pos(start);
      return null;
    }
    try {
      int total = hours * 3600 + minutes * 60;
      return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    } catch (DateTimeException e) {
      c.pos(start);
      return null;
    }
  }
}
