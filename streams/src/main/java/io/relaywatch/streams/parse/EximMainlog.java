package io.relaywatch.streams.parse;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Exim's own log file: {@code 2026-06-29 15:33:46 [pid] message}, optionally with a fraction and a
 * {@code +hhmm} offset ({@code log_timezone}). It has no host and no program name. Some syslog
 * daemons use the same date form before {@code host exim[pid]:}; that is read as syslog.
 */
final class EximMainlog {
  static final String PROGRAM = "exim";

  private EximMainlog() {}

  static LineHeader parse(Cursor c, int year, int month, int day, ZoneId zone) {
    OffsetDateTime timestamp = IsoTime.timeAndOffset(c, year, month, day, zone, true);
    if (timestamp == null || !c.accept(' ')) {
      return null;
    }
    LineHeader syslog = HeaderParser.hostAndTagWithPid(c, timestamp);
    if (syslog != null) {
      return syslog;
    }
    return new LineHeader(timestamp, null, PROGRAM, pid(c), c.pos());
  }

  private static Integer pid(Cursor c) {
    if (c.peek() != '[') {
      return null;
    }
    int start = c.pos();
    c.accept('[');
    int value = c.upToDigits(9);
    if (value >= 0 && c.accept(']') && c.accept(' ')) {
      return value;
    }
    c.pos(start);
    return null;
  }
}
