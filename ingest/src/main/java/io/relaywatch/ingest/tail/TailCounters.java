package io.relaywatch.ingest.tail;

/** Mutable counters behind {@link TailerStats}; one per tailer, not shared between threads. */
final class TailCounters {
  long lines;
  long bytes;
  long rotations;
  long truncations;
  long oversizeLines;
  long unterminatedLines;
  long deletedFiles;
  long lostSources;

  void delivered(TailedLine line) {
    lines++;
    bytes += line.bytes().length;
    if (line.cut()) {
      oversizeLines++;
    }
    if (line.unterminated()) {
      unterminatedLines++;
    }
  }

  TailerStats snapshot() {
    return new TailerStats(
        lines,
        bytes,
        rotations,
        truncations,
        oversizeLines,
        unterminatedLines,
        deletedFiles,
        lostSources);
  }
}
