package io.relaywatch.ingest.tail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line read from a log file: its raw bytes without the newline, exactly as in the file.
 *
 * @param bytes the line's bytes; invalid UTF-8 is kept as it is
 * @param source identity of the file the line was read from, as known when it was read
 * @param offset byte offset of the line's first byte in that file
 * @param cut true when the line was longer than the limit and only its first bytes are here
 * @param unterminated true when the line had no newline and was delivered after its file was
 *     rotated away and the partial line timeout passed
 */
public record TailedLine(
    byte[] bytes, Fingerprint source, long offset, boolean cut, boolean unterminated) {

  /** Validates the fields. */
  public TailedLine {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(source, "source");
  }

  /** The bytes decoded as UTF-8 with replacement characters, for display only. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TailedLine that
        && Arrays.equals(bytes, that.bytes)
        && source.equals(that.source)
        && offset == that.offset
        && cut == that.cut
        && unterminated == that.unterminated;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), source, offset, cut, unterminated);
  }

  @Override
  public String toString() {
    return "TailedLine["
        + source
        + "@"
        + offset
        + (cut ? " cut" : "")
        + ": "
        + bytes.length
        + " bytes]";
  }
}
