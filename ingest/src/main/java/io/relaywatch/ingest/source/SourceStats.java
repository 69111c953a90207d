package io.relaywatch.ingest.source;

/**
 * Counters of one source since it was opened, and its current lag.
 *
 * @param rotations files that left the watched path by rename
 * @param truncations files truncated or overwritten in place
 * @param oversizeLines lines cut at the length limit
 * @param lagBytes bytes written but not yet read (files), or 0
 * @param lostFiles checkpointed files not found again after a restart (files), or 0
 */
public record SourceStats(
    long rotations, long truncations, long oversizeLines, long lagBytes, long lostFiles) {
  public static final SourceStats NONE = new SourceStats(0, 0, 0, 0, 0);
}
