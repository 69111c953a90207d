package io.relaywatch.ingest.source;

import java.util.Objects;

/**
 * One line from a source, ready to ship.
 *
 * @param bytes the line as read, without its newline; never rewritten
 * @param eventId ASCII {@code <file id>:<offset>}, unique per line and stable across restarts, or
 *     null when the source has no positions (stdin); built by the reading side so that the shipping
 *     loop only wraps it
 * @param cut whether the line was cut at the length limit
 */
public record SourceLine(byte[] bytes, byte[] eventId, boolean cut) {
  public SourceLine {
    Objects.requireNonNull(bytes, "bytes");
  }
}
