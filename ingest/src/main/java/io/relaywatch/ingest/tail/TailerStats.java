package io.relaywatch.ingest.tail;

/**
 * Counters of a {@link FileTailer} since it was created, for the metrics layer.
 *
 * @param lines lines delivered
 * @param bytes bytes delivered (line bytes, without newlines)
 * @param rotations files that left the watched path by rename
 * @param truncations files found truncated or overwritten in place (copytruncate)
 * @param oversizeLines lines cut at the line limit
 * @param unterminatedLines partial last lines delivered after their file was rotated away
 * @param deletedFiles files that disappeared (neither at the path nor at its {@code .1}) while
 *     open; their open handles were drained first
 * @param lostSources checkpointed files not found again after a restart
 */
public record TailerStats(
    long lines,
    long bytes,
    long rotations,
    long truncations,
    long oversizeLines,
    long unterminatedLines,
    long deletedFiles,
    long lostSources) {}
