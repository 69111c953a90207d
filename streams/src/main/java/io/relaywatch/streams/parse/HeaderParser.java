package io.relaywatch.streams.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the header of a mail log line: RFC 3164 syslog, RFC 3339 (rsyslog), journalctl short-iso
 * and short-iso-precise, an optional {@code <PRI>}, RFC 5424, Solaris {@code [ID n fac.pri]} tags,
 * Exim's own mainlog, and lines without a host name. A linear scanner rather than a regular
 * expression: it runs on every candidate line, cannot backtrack, and is several times cheaper.
 */
final class HeaderParser {
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  private static final int MAX_TAG = 256;

  private final ZoneId zone;

  HeaderParser(ZoneId zone) {
    this.zone = zone;
  }

  /** The header, or null when the line starts with no format we know. */
  LineHeader parse(String line, Instant reference) {
    Cursor c = new Cursor(line, 0);
    boolean hadPri = skipPri(c);
    if (hadPri && c.peek() == '1' && c.peek(1) == ' ') {
      c.pos(c.pos() + 2);
      return Rfc5424.parse(c, zone);
    }
    char first = c.peek();
    if (first >= '0' && first <= '9') {
      return parseIso(c);
    }
    OffsetDateTime timestamp = parseRfc3164Time(c, reference);
    return timestamp == null ? null : hostAndTag(c, timestamp);
  }

  private static boolean skipPri(Cursor c) {
    if (c.peek() != '<') {
      return false;
    }
    int start = c.pos();
    c.accept('<');
    int pri = c.upToDigits(3);
    if (pri < 0 || pri > 191 || !c.accept('>')) {
      c.pos(start);
      return false;
    }
    return true;
  }

  private LineHeader parseIso(Cursor c) {
    int year = c.digits(4);
    if (year < 0 || !c.accept('-')) {
      return null;
    }
    int month = c.digits(2);
    int day = c.accept('-') ? c.digits(2) : -1;
    if (month < 0 || day < 0) {
      return null;
    }
    if (c.accept('T')) {
      OffsetDateTime timestamp = IsoTime.timeAndOffset(c, year, month, day, zone, false);
      return timestamp == null || !c.accept(' ') ? null : hostAndTag(c, timestamp);
    }
    if (c.accept(' ')) {
      return EximMainlog.parse(c, year, month, day, zone);
    }
    return null;
  }

  private OffsetDateTime parseRfc3164Time(Cursor c, Instant reference) {
    int month = month(c);
    if (month < 0 || c.skipSpaces() == 0) {
      return null;
    }
    int day = c.upToDigits(2);
    if (day < 1 || !c.accept(' ')) {
      return null;
    }
    int hour = c.digits(2);
    int minute = c.accept(':') ? c.digits(2) : -1;
    int second = c.accept(':') ? c.digits(2) : -1;
    if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 60) {
      return null;
    }
    int nanos = c.peek() == '.' ? IsoTime.fraction(c) : 0;
    if (nanos < 0 || !c.accept(' ')) {
      return null;
    }
    return YearInference.resolve(
        month, day, hour, minute, Math.min(second, 59), nanos, reference, zone);
  }

  private static int month(Cursor c) {
    if (c.peek(2) == '\0') {
      return -1;
    }
    for (int i = 0; i < 12; i++) {
      if (c.startsWith(MONTHS, i * 3, 3)) { // no substring per month tried
        c.pos(c.pos() + 3);
        return i + 1;
      }
    }
    return -1;
  }

  /** After the timestamp: {@code host tag[pid]: } or, without a host, {@code tag[pid]: }. */
  static LineHeader hostAndTag(Cursor c, OffsetDateTime timestamp) {
    c.skipSpaces();
    skipFacilityPriority(c);
    int start = c.pos();
    String first = c.token();
    String host = null;
    if (!looksLikeTag(first)) {
      host = first;
      c.skipSpaces();
      start = c.pos();
      String second = c.token();
      if (!looksLikeTag(second)) {
        return null;
      }
    }
    c.pos(start);
    return tag(c, timestamp, host);
  }

  /**
   * A syslog header after an ISO date with a space ({@code 2019-10-22 03:39:17 mx1 exim[29786]: }),
   * accepted only when the tag carries a pid, so that Exim mainlog messages are not mistaken for
   * one.
   */
  static LineHeader hostAndTagWithPid(Cursor c, OffsetDateTime timestamp) {
    int start = c.pos();
    LineHeader header = hostAndTag(c, timestamp);
    if (header == null || header.pid() == null) {
      c.pos(start);
      return null;
    }
    return header;
  }

  /** syslog-ng can write {@code <mail.info>} before the host. */
  private static void skipFacilityPriority(Cursor c) {
    if (c.peek() != '<') {
      return;
    }
    int start = c.pos();
    String token = c.token();
    if (token.length() > 3
        && token.length() < 32
        && token.endsWith(">")
        && token.indexOf('.') > 0) {
      c.skipSpaces();
    } else {
      c.pos(start);
    }
  }

  private static boolean looksLikeTag(String token) {
    return token.length() > 1
        && token.length() <= MAX_TAG
        && token.charAt(token.length() - 1) == ':';
  }

  private static LineHeader tag(Cursor c, OffsetDateTime timestamp, String host) {
    String token = c.token();
    String program = token.substring(0, token.length() - 1);
    Integer pid = null;
    int bracket = program.indexOf('[');
    if (bracket > 0 && program.endsWith("]")) {
      pid = pid(program.substring(bracket + 1, program.length() - 1));
      program = program.substring(0, bracket);
    }
    c.accept(' ');
    skipSolarisId(c);
    return new LineHeader(timestamp, host, program, pid, c.pos());
  }

  static Integer pid(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.valueOf(text);
  }

  /** Solaris syslog puts {@code [ID 801593 mail.info] } between the tag and the message. */
  private static void skipSolarisId(Cursor c) {
    if (!c.startsWith("[ID ")) {
      return;
    }
    int start = c.pos();
    c.pos(start + 4);
    String id = c.token();
    c.accept(' ');
    String facility = c.token();
    if (pid(id) != null && facility.endsWith("]") && facility.indexOf('.') > 0) {
      c.accept(' ');
    } else {
      c.pos(start);
    }
  }

  /** A local date and time in the parser's zone, or null for an impossible date. */
  static OffsetDateTime local(LocalDateTimeParts p, ZoneId zone) {
    try {
      return LocalDateTime.of(
              p.year(), p.month(), p.day(), p.hour(), p.minute(), p.second(), p.nanos())
          .atZone(zone)
          .toOffsetDateTime();
    } catch (DateTimeException e) {
      return null;
    }
  }

  static OffsetDateTime withOffset(LocalDateTimeParts p, ZoneOffset offset) {
    try {
      return OffsetDateTime.of(
          p.year(), p.month(), p.day(), p.hour(), p.minute(), p.second(), p.nanos(), offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The parts of a timestamp, before a zone or offset is applied. */
  record LocalDateTimeParts(
      int year, int month, int day, int hour, int minute, int second, int nanos) {}
}
