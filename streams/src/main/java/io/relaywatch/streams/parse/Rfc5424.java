package io.relaywatch.streams.parse;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * RFC 5424 after {@code <PRI>1 }: {@code TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG}, where a
 * {@code -} stands for a missing field.
 */
final class Rfc5424 {
  private static final char BOM = '\uFEFF';

  private Rfc5424() {}

  static LineHeader parse(Cursor c, ZoneId zone) {
    OffsetDateTime timestamp = timestamp(c, zone);
    if (timestamp == null || !c.accept(' ')) {
      return null;
    }
    String host = nil(c.token());
    c.accept(' ');
    String program = nil(c.token());
    c.accept(' ');
    Integer pid = HeaderParser.pid(c.token());
    c.accept(' ');
    c.token(); // MSGID
    if (!c.accept(' ') || !skipStructuredData(c)) {
      return null;
    }
    c.accept(' ');
    c.accept(BOM);
    return program == null ? null : new LineHeader(timestamp, host, program, pid, c.pos());
  }

  private static OffsetDateTime timestamp(Cursor c, ZoneId zone) {
    int year = c.digits(4);
    int month = c.accept('-') ? c.digits(2) : -1;
    int day = c.accept('-') ? c.digits(2) : -1;
    if (year < 0 || month < 0 || day < 0 || !c.accept('T')) {
      return null;
    }
    return IsoTime.timeAndOffset(c, year, month, day, zone, false);
  }

  private static String nil(String field) {
    return field.equals("-") || field.isEmpty() ? null : field;
  }

  /**
   * Skips {@code -} or one or more {@code [id k="v" ...]} elements, honouring {@code \]}. An
   * element that never closes is no header: its "body" would start past the end of the line.
   */
  private static boolean skipStructuredData(Cursor c) {
    if (c.accept('-')) {
      return true;
    }
    if (c.peek() != '[') {
      return false;
    }
    while (c.accept('[')) {
      if (!skipElementBody(c)) {
        return false;
      }
    }
    return true;
  }

  /** Moves past the {@code ]} that closes an element; false when the line ends first. */
  private static boolean skipElementBody(Cursor c) {
    boolean inQuotes = false;
    while (!c.atEnd()) {
      char ch = c.peek();
      c.pos(c.pos() + 1);
      if (ch == '\\' && !c.atEnd()) {
        c.pos(c.pos() + 1);
      } else if (ch == '"') {
        inQuotes = !inQuotes;
      } else if (ch == ']' && !inQuotes) {
        return true;
      }
    }
    return false;
  }
}
