package io.relaywatch.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Turns one entry of {@code journalctl -o json} into the raw line the parser understands, as {@code
 * journalctl -o short-iso-precise} would print it: {@code <RFC 3339 time> <host>
 * <identifier>[<pid>]: <message>}. The message bytes are kept as they are, including invalid UTF-8
 * (which journalctl sends as an array of byte values).
 */
final class JournalEntryFormat {
  /** Microseconds and a colon in the offset: RFC 3339 ({@code +00:00}, never {@code Z}). */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  private JournalEntryFormat() {}

  /** The entry's cursor, its identity in the journal; null when absent. */
  static String cursor(JsonNode entry) {
    JsonNode cursor = entry.get("__CURSOR");
    return cursor == null || !cursor.isTextual() ? null : cursor.asText();
  }

  /** The raw line of an entry; fields that are missing are left out, like journalctl does. */
  static byte[] line(JsonNode entry, ZoneId zone) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    String time = time(entry, zone);
    if (time != null) {
      text(out, time).write(' ');
    }
    byte[] host = value(entry, "_HOSTNAME");
    if (host != null) {
      out.writeBytes(host);
      out.write(' ');
    }
    byte[] identifier = value(entry, "SYSLOG_IDENTIFIER");
    if (identifier == null) {
      identifier = value(entry, "_COMM");
    }
    byte[] pid = value(entry, "_PID");
    if (pid == null) {
      pid = value(entry, "SYSLOG_PID");
    }
    if (identifier != null) {
      out.writeBytes(identifier);
      if (pid != null) {
        text(out, "[").writeBytes(pid);
        out.write(']');
      }
      text(out, ": ");
    }
    byte[] message = value(entry, "MESSAGE");
    if (message != null) {
      out.writeBytes(message);
    }
    return out.toByteArray();
  }

  private static String time(JsonNode entry, ZoneId zone) {
    byte[] micros = value(entry, "__REALTIME_TIMESTAMP");
    if (micros == null) {
      return null;
    }
    try {
      long us = Long.parseLong(new String(micros, StandardCharsets.US_ASCII));
      Instant instant = Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1_000);
      return TIME.format(instant.atZone(zone));
    } catch (NumberFormatException e) {
      return null; // a broken timestamp leaves the line without one; the parser counts it
    }
  }

  /**
   * A field's bytes: a string (UTF-8), an array of byte values (binary or invalid UTF-8), or, for a
   * field written more than once, the first of its values; null when absent or null (journalctl
   * writes null for fields it would not print).
   */
  static byte[] value(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText().getBytes(StandardCharsets.UTF_8);
    }
    if (node.isArray() && node.size() > 0 && !node.get(0).isNumber()) {
      return value(node.get(0));
    }
    return node.isArray() ? bytes(node) : node.asText().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(JsonNode single) {
    if (single.isTextual()) {
      return single.asText().getBytes(StandardCharsets.UTF_8);
    }
    return single.isArray() ? bytes(single) : null;
  }

  private static byte[] bytes(JsonNode array) {
    byte[] out = new byte[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) array.get(i).asInt();
    }
    return out;
  }

  private static ByteArrayOutputStream text(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    return out;
  }
}
