package io.relaywatch.ingest.tail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds checkpointed files again after a restart, by fingerprint, among {@code <path>.1} and the
 * path itself, so a file rotated while the shipper was down is drained from its old offset.
 *
 * <p>Files are ordered {@code .1} before the path and checkpoint sources oldest first, so the
 * sources are matched in that order. A file before the first match is older than everything
 * checkpointed (already delivered) and is ignored; a file after the last match, or any file when
 * nothing matched, is newer and is read from its start.
 */
final class CheckpointResolver {

  /** The files to read after a restart: rotated ones to drain, oldest first, then the active. */
  record Resolved(List<TrackedFile> draining, TrackedFile active, int lostSources) {}

  private CheckpointResolver() {}

  static Resolved resolve(
      Path path, Path rotatedPath, TailerCheckpoint checkpoint, TailerOptions options)
      throws IOException {
    List<TrackedFile> candidates = new ArrayList<>();
    TrackedFile rotated = TrackedFile.open(rotatedPath, options);
    TrackedFile current = TrackedFile.open(path, options);
    if (rotated != null) {
      candidates.add(rotated);
    }
    if (current != null) {
      candidates.add(current);
    }
    int next = 0;
    int firstMatch = -1;
    int lost = 0;
    for (SourcePosition source : checkpoint.sources()) {
      int match = findMatch(candidates, next, source);
      if (match < 0) {
        lost++;
        continue;
      }
      candidates.get(match).resumeAt(source);
      firstMatch = firstMatch < 0 ? match : firstMatch;
      next = match + 1;
    }
    return keepFrom(candidates, Math.max(firstMatch, 0), current, lost);
  }

  private static Resolved keepFrom(
      List<TrackedFile> candidates, int from, TrackedFile current, int lost) throws IOException {
    List<TrackedFile> draining = new ArrayList<>();
    TrackedFile active = null;
    for (int i = 0; i < candidates.size(); i++) {
      TrackedFile file = candidates.get(i);
      if (i < from) {
        file.close();
      } else if (file == current) {
        active = file;
      } else {
        draining.add(file);
      }
    }
    return new Resolved(draining, active, lost);
  }

  /** The first candidate with the source's head and enough bytes; the same file key wins ties. */
  private static int findMatch(List<TrackedFile> candidates, int from, SourcePosition source)
      throws IOException {
    int best = -1;
    for (int i = from; i < candidates.size(); i++) {
      TrackedFile file = candidates.get(i);
      if (!file.startsLike(source.fingerprint()) || file.size() < source.offset()) {
        continue;
      }
      if (file.fileKey().equals(source.fileKey())) {
        return i;
      }
      best = best < 0 ? i : best;
    }
    return best;
  }
}
