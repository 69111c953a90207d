package io.relaywatch.ingest.tail;

import java.nio.file.Path;

/**
 * Whether and where a restarted tailer looks for files that logrotate compressed while the shipper
 * was down ({@code <path>.1.gz} to {@code <path>.<generations>.gz}), and where it unpacks the ones
 * it must read.
 *
 * @param generations how many compressed generations to look at; 0 turns catch-up off
 * @param scratchDir where a compressed file is unpacked to be read (the copy is unlinked as soon as
 *     it is open, so nothing is left behind, even after a crash); null when off
 */
public record CompressedCatchUp(int generations, Path scratchDir) {
  /** No catch-up: files compressed while the shipper was down are counted as lost. */
  public static final CompressedCatchUp OFF = new CompressedCatchUp(0, null);

  /** Validates the fields. */
  public CompressedCatchUp {
    if (generations < 0) {
      throw new IllegalArgumentException("generations must not be negative: " + generations);
    }
    if (generations > 0 && scratchDir == null) {
      throw new IllegalArgumentException("catch-up needs a scratch directory");
    }
  }

  boolean enabled() {
    return generations > 0;
  }
}
