package io.relaywatch.ingest.source;

import java.util.Objects;

/**
 * One line from a source, ready to ship.
 *
 * @param bytes the line as read, without its newline; never rewritten
 * @param fileId identity of the file within the source (a fingerprint), or null
 * @param offset byte offset of the line in that file, or -1 when the source has no offsets
 * @param eventId unique per line and stable across restarts ({@code <file id>:<offset>} or a
 *     journald cursor), or null for stdin
 * @param cut whether the line was cut at the length limit
 */
public record SourceLine(byte[] bytes, String fileId, long offset, String eventId, boolean cut) {
  public SourceLine {
    Objects.requireNonNull(bytes, "bytes");
  }
}
