package io.relaywatch.cli;

import io.relaywatch.streams.parse.LineParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and decodes them as UTF-8, replacing malformed bytes with U+FFFD
 * so that no line is ever dropped. A trailing CR is removed. Memory stays bounded: a line longer
 * than {@link #MAX_LINE_BYTES} keeps only its start and is marked {@link #truncated()}; such a line
 * decodes to more than {@link LineParser#MAX_LINE_CHARS} characters whatever its bytes, because
 * UTF-8 needs at most 3 bytes for each UTF-16 char.
 */
final class LineReader {
  static final int MAX_LINE_BYTES = 3 * LineParser.MAX_LINE_CHARS + 3;

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private int length;
  private boolean truncated;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its line ending, or null at the end of the stream. */
  String next() throws IOException {
    return advance() ? text() : null;
  }

  /**
   * Moves to the next line without decoding it, so that a caller can look at its {@link #bytes()}
   * first; false at the end of the stream.
   */
  boolean advance() throws IOException {
    length = 0;
    truncated = false;
    boolean started = false;
    while (true) {
      if (position == limit && !fill()) {
        return started;
      }
      started = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      append(position, end - position);
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        return true;
      }
    }
  }

  /** The raw bytes of the current line, from 0 to {@link #byteLength()}. Do not modify. */
  byte[] bytes() {
    return line;
  }

  /** How many bytes the current line has, without a trailing CR. */
  int byteLength() {
    return !truncated && length > 0 && line[length - 1] == '\r' ? length - 1 : length;
  }

  /** The current line decoded. */
  String text() throws IOException {
    return decode();
  }

  /** Whether the last line returned was cut at {@link #MAX_LINE_BYTES}. */
  boolean truncated() {
    return truncated;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer);
    position = 0;
    limit = Math.max(read, 0);
    return read > 0;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int count) {
    int kept = Math.min(count, MAX_LINE_BYTES - length);
    if (kept < count) {
      truncated = true;
    }
    if (length + kept > line.length) {
      line =
          Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + kept)));
    }
    System.arraycopy(buffer, from, line, length, kept);
    length += kept;
  }

  private String decode() throws IOException {
    int end = byteLength();
    if (isAscii(end)) {
      return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }
    try {
      return decoder.decode(ByteBuffer.wrap(line, 0, end)).toString();
    } catch (CharacterCodingException e) {
      // Cannot happen with REPLACE; kept checked so that a change of action is noticed.
      throw new IOException("cannot decode line", e);
    }
  }

  private boolean isAscii(int end) {
    for (int i = 0; i < end; i++) {
      if (line[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
