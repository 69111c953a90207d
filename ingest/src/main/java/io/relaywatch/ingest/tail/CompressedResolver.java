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
   * @param lost checkpointed files, oldest first, that are older than every file still found at the
   *     path or {@code .1}
   */
  static Found resolve(Path path, List<SourcePosition> lost, TailerOptions options)
      throws IOException {
    CompressedCatchUp catchUp = options.compressed();
    if (!catchUp.enabled() || lost.isEmpty()) {
      return Found.NONE;
    }
    List<CompressedGenerations.Generation> generations =
        CompressedGenerations.list(path, catchUp.generations(), options.fingerprintBytes());
    SourcePosition[] resumeAt = new SourcePosition[generations.size()];
    int first = -1;
    int next = 0;
    int found = 0;
    for (SourcePosition source : lost) {
      for (int i = next; i < generations.size(); i++) {
        if (source.fingerprint().matches(generations.get(i).head())) {
          resumeAt[i] = source;
          first = first < 0 ? i : first;
          next = i + 1;
          found++;
          break;
        }
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
}
