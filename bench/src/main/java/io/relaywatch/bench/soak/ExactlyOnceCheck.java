package io.relaywatch.bench.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the lines written (file by file, with each line's byte offset) with the records of the
 * raw-lines topic (in topic order, each with the shipper's {@code <file id>:<offset>} id): every
 * line must be there once, and each file's lines in file order. Lines are compared by a 64-bit hash
 * so that a long soak fits in a small heap.
 */
final class ExactlyOnceCheck {
  /** A written file: line start offsets (ascending) and line hashes. */
  record WrittenFile(String name, long[] offsets, long[] hashes) {}

  /** A record of the topic: the file id and offset from its id header, and its value's hash. */
  record Delivered(String fileId, long offset, long hash) {}

  /** The figures; {@code unmatched} counts records that are no written line (changed or alien). */
  record Result(
      long written, long delivered, long lost, long duplicated, long outOfOrder, long unmatched) {
    boolean passed() {
      return lost == 0 && duplicated == 0 && outOfOrder == 0 && unmatched == 0;
    }
  }

  private ExactlyOnceCheck() {}

  static Result check(List<WrittenFile> files, List<Delivered> records) {
    Map<String, List<Delivered>> byFile = new LinkedHashMap<>();
    for (Delivered d : records) {
      byFile.computeIfAbsent(d.fileId(), k -> new ArrayList<>()).add(d);
    }
    List<boolean[]> seen = new ArrayList<>();
    long written = 0;
    for (WrittenFile f : files) {
      seen.add(new boolean[f.offsets().length]);
      written += f.offsets().length;
    }
    long delivered = 0;
    long duplicated = 0;
    long outOfOrder = 0;
    long unmatched = 0;
    for (List<Delivered> group : byFile.values()) {
      int file = fileOf(files, group);
      if (file < 0) {
        unmatched += group.size();
        continue;
      }
      WrittenFile f = files.get(file);
      int last = -1;
      for (Delivered d : group) {
        int i = Arrays.binarySearch(f.offsets(), d.offset());
        if (i < 0 || f.hashes()[i] != d.hash()) {
          unmatched++;
        } else if (seen.get(file)[i]) {
          duplicated++;
        } else {
          seen.get(file)[i] = true;
          delivered++;
          outOfOrder += i < last ? 1 : 0;
          last = i;
        }
      }
    }
    return new Result(written, delivered, written - delivered, duplicated, outOfOrder, unmatched);
  }

  // The file a shipper file id stands for: the one holding the group's first matching line.
  private static int fileOf(List<WrittenFile> files, List<Delivered> group) {
    for (Delivered d : group) {
      for (int f = 0; f < files.size(); f++) {
        int i = Arrays.binarySearch(files.get(f).offsets(), d.offset());
        if (i >= 0 && files.get(f).hashes()[i] == d.hash()) {
          return f;
        }
      }
    }
    return -1;
  }

  /** FNV-1a, 64 bits: enough to tell lines apart, and no object per line. */
  static long hash(byte[] bytes, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h ^= bytes[i] & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
