package io.relaywatch.ingest.tail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The second step of a restart after logrotate ran more than once while the shipper was down:
 * checkpointed files that are no longer at {@code <path>.1} or the path are looked for among the
 * compressed generations, by the fingerprint of their unpacked head. From the oldest one found on,
 * every generation is read: the found ones from their checkpointed offset, the others (rotated
 * while the shipper was down, never seen) from their start. Older generations were read before.
 */
final class CompressedResolver {
  /** The unpacked files to drain, oldest first, and how many checkpointed files were found. */
  record Found(List<TrackedFile> files, int sources) {
    static final Found NONE = new Found(List.of(), 0);
  }

  private CompressedResolver() {}

  /**
   * @param finished the rotated file the checkpoint says was read to its end, or null: older than
   *     every lost file, it anchors the search (a file checkpointed while still empty can only be
   *     the generation right after a file found)
   * @param lost checkpointed files, oldest first, that are older than every file still found at the
   *     path or {@code .1}
   */
  static Found resolve(
      Path path, SourcePosition finished, List<SourcePosition> lost, TailerOptions options)
      throws IOException {
    CompressedCatchUp catchUp = options.compressed();
    if (!catchUp.enabled() || lost.isEmpty()) {
      return Found.NONE;
    }
    List<CompressedGenerations.Generation> generations =
        CompressedGenerations.list(path, catchUp.generations(), options.fingerprintBytes());
    SourcePosition[] resumeAt = new SourcePosition[generations.size()];
    List<SourcePosition> searched = new ArrayList<>();
    if (finished != null) {
      searched.add(finished);
    }
    searched.addAll(lost);
    int first = -1;
    int next = 0;
    int found = 0;
    for (SourcePosition source : searched) {
      int match = match(generations, next, first >= 0, source);
      if (match >= 0) {
        resumeAt[match] = source;
        first = first < 0 ? match : first;
        next = match + 1;
        found += source == finished ? 0 : 1;
      }
    }
    if (first < 0) {
      return Found.NONE;
    }
    List<TrackedFile> files = new ArrayList<>();
    for (int i = first; i < generations.size(); i++) {
      TrackedFile file =
          CompressedGenerations.unpack(generations.get(i), catchUp.scratchDir(), options);
      if (file != null) {
        if (resumeAt[i] != null) {
          file.resumeAt(resumeAt[i]);
        }
        files.add(file);
      }
    }
    return new Found(files, found);
  }

  /**
   * The first generation from {@code from} on that starts with the source's head. A head of no
   * bytes (the file was still empty) would match any: it is taken only as the generation right
   * after a file already found.
   */
  private static int match(
      List<CompressedGenerations.Generation> generations,
      int from,
      boolean afterAMatch,
      SourcePosition source) {
    if (source.fingerprint().length() == 0) {
      return afterAMatch && from < generations.size() ? from : -1;
    }
    for (int i = from; i < generations.size(); i++) {
      if (source.fingerprint().matches(generations.get(i).head())) {
        return i;
      }
    }
    return -1;
  }
}
