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
 * sources are matched in that order; the same file key breaks ties between files with the same
 * head. A file no source matches is read from its start, unless it is the rotated file the tailer
 * had already finished, or it is a copy of the first matched file taken while the shipper was down
 * (copytruncate), which continues at that file's offset.
 *
 * <p>Checkpointed files older than both (logrotate ran more than once while the shipper was down)
 * are looked for among the compressed generations by {@link CompressedResolver}.
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
    boolean[] matched = new boolean[candidates.size()];
    SourcePosition firstMatched = null;
    int firstMatchIndex = candidates.size();
    int next = 0;
    int lost = 0;
    List<SourcePosition> lostBeforeFirstMatch = new ArrayList<>();
    for (SourcePosition source : checkpoint.sources()) {
      int match = findMatch(candidates, next, source);
      if (match < 0) {
        lost++;
        if (firstMatched == null) {
          lostBeforeFirstMatch.add(source);
        }
        continue;
      }
      candidates.get(match).resumeAt(source);
      matched[match] = true;
      if (firstMatched == null) {
        firstMatched = source;
        firstMatchIndex = match;
      }
      next = match + 1;
    }
    for (int i = 0; i < candidates.size(); i++) {
      // only a file before the first match can be a copy of it; a later one is newer
      SourcePosition copied = i < firstMatchIndex ? firstMatched : null;
      if (!matched[i] && !placeUnmatched(candidates.get(i), checkpoint, copied)) {
        candidates.set(i, null);
      }
    }
    CompressedResolver.Found compressed =
        CompressedResolver.resolve(
            path, checkpoint.finishedRotated(), lostBeforeFirstMatch, options);
    Resolved resolved = split(candidates, current, lost - compressed.sources());
    List<TrackedFile> draining = new ArrayList<>(compressed.files());
    draining.addAll(resolved.draining());
    return new Resolved(draining, resolved.active(), resolved.lostSources());
  }

  /** Returns false (and closes the file) when it holds nothing unread. */
  private static boolean placeUnmatched(
      TrackedFile file, TailerCheckpoint checkpoint, SourcePosition copied) throws IOException {
    if (file.isFile(checkpoint.finishedRotated())) {
      file.close();
      return false;
    }
    if (copied != null && file.startsLike(copied.fingerprint()) && file.size() >= copied.offset()) {
      file.resumeAt(copied);
    }
    return true;
  }

  private static Resolved split(List<TrackedFile> candidates, TrackedFile current, int lost) {
    List<TrackedFile> draining = new ArrayList<>();
    TrackedFile active = null;
    for (TrackedFile file : candidates) {
      if (file == null) {
        continue;
      }
      if (file == current) {
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
