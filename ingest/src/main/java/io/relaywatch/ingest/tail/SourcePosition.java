package io.relaywatch.ingest.tail;

import java.util.Objects;

/**
 * Where reading stopped in one file.
 *
 * @param fingerprint the file's identity
 * @param offset the first byte not yet delivered (the start of a partial line, if any)
 * @param skipping true when {@code offset} is inside an oversize line whose cut prefix was already
 *     delivered, so the rest up to its newline must be skipped
 * @param fileKey the file system's key (device and inode) when the position was taken; only a
 *     tie-breaker when several files share a fingerprint, may be empty
 */
public record SourcePosition(
    Fingerprint fingerprint, long offset, boolean skipping, String fileKey) {

  /** Validates the fields. */
  public SourcePosition {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(fileKey, "fileKey");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
  }
}
