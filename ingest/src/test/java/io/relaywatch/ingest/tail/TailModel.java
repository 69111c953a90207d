package io.relaywatch.ingest.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the model-based test knows: every line written, in order, which file holds which lines, how
 * many lines were delivered, and which files the current tailer holds open.
 */
final class TailModel {

  /** A line as the tailer must deliver it. */
  record Expected(byte[] bytes, boolean cut, boolean unterminated) {}

  /** A file as the model sees it: the indexes of the expected lines it holds. */
  static final class ModelFile {
    final List<Integer> lines = new ArrayList<>();

    ModelFile copy() {
      ModelFile copy = new ModelFile();
      copy.lines.addAll(lines);
      return copy;
    }
  }

  final List<Expected> expected = new ArrayList<>();
  int delivered;
  ModelFile atPath;
  ModelFile atRotated;
  final Set<ModelFile> held = new HashSet<>();
  boolean resumePending;
  boolean pathLineDelivered;

  void expect(ModelFile file, Expected line) {
    file.lines.add(expected.size());
    expected.add(line);
  }

  boolean fullyDelivered(ModelFile file) {
    return file == null || file.lines.stream().allMatch(index -> index < delivered);
  }

  /** The file at {@code .1} may disappear: nothing of it is lost. */
  boolean rotatedMayGo() {
    return atRotated == null || held.contains(atRotated) || fullyDelivered(atRotated);
  }

  /** The tailer will find the file at the path again after it moves or is truncated. */
  boolean pathFileKnown() {
    return atPath == null || held.contains(atPath) || resumePending;
  }

  /** Only open handles still reach a file that is gone; a restart would lose its unread lines. */
  boolean restartLosesNothing() {
    return held.stream()
        .allMatch(file -> file == atPath || file == atRotated || fullyDelivered(file));
  }

  /**
   * Copytruncate is seen only when the file's head changed or it shrank below the offset; a file
   * whose first line the tailer has not read yet has no head to compare (documented loss).
   */
  boolean truncationVisible() {
    return resumePending || (held.contains(atPath) && pathLineDelivered);
  }

  void delivered() {
    pathLineDelivered =
        atPath != null && atPath.lines.stream().anyMatch(index -> index < delivered);
  }

  void polled() {
    if (resumePending && atRotated != null) {
      held.add(atRotated);
    }
    if (atPath != null) {
      held.add(atPath);
    }
    resumePending = false;
  }

  void restarted() {
    held.clear();
    resumePending = true;
  }

  void checkDelivered(List<TailedLine> lines, String context) {
    for (TailedLine line : lines) {
      assertThat(delivered)
          .as("%s: more lines delivered than written, extra %s", context, line)
          .isLessThan(expected.size());
      Expected want = expected.get(delivered);
      assertThat(line.bytes())
          .as("%s: line %d bytes (got %s, want %s)", context, delivered, line.text(), show(want))
          .containsExactly(want.bytes());
      assertThat(line.cut()).as("%s: line %d cut", context, delivered).isEqualTo(want.cut());
      assertThat(line.unterminated())
          .as("%s: line %d unterminated", context, delivered)
          .isEqualTo(want.unterminated());
      delivered++;
    }
    delivered();
  }

  private static String show(Expected line) {
    return new String(Arrays.copyOf(line.bytes(), Math.min(40, line.bytes().length)));
  }
}
