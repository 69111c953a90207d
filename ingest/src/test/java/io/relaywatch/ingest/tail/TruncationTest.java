package io.relaywatch.ingest.tail;

import static io.relaywatch.ingest.tail.LogFiles.append;
import static io.relaywatch.ingest.tail.LogFiles.copyTruncate;
import static io.relaywatch.ingest.tail.LogFiles.rotated;
import static io.relaywatch.ingest.tail.LogFiles.texts;
import static io.relaywatch.ingest.tail.LogFiles.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruncationTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private FileTailer tailer;

  private FileTailer tailer(Path path) {
    tailer = FileTailer.open(path, TailerOptions.defaults().withClock(clock));
    return tailer;
  }

  @AfterEach
  void close() throws Exception {
    tailer.close();
  }

  @Test
  void shouldReadFromTheStartWhenTheFileShrankBelowTheOffset() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "old line one\nold line two\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    truncate(log);
    append(log, "new\n");

    assertThat(texts(tailer.poll())).containsExactly("new");
    assertThat(tailer.stats().truncations()).isEqualTo(1);
  }

  @Test
  void shouldDetectTruncationByChangedFingerprintWhenTheFileRegrewPastTheOffset() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "old\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    truncate(log);
    append(log, "a longer first line after the truncation\n");

    assertThat(texts(tailer.poll())).containsExactly("a longer first line after the truncation");
    assertThat(tailer.stats().truncations()).isEqualTo(1);
  }

  @Test
  void shouldDrainTheUnreadRestFromTheCopyBeforeReadingTheTruncatedFile() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "read\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "unread at the copy\npart");
    copyTruncate(log);
    append(log, "after\n");

    var lines = tailer.poll();
    assertThat(texts(lines)).containsExactly("unread at the copy");
    assertThat(lines.get(0).offset()).isEqualTo(5);
    assertThat(tailer.stats().truncations()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(5));
    lines = tailer.poll();
    assertThat(texts(lines))
        .as("the copy's partial line, then the new file")
        .containsExactly("part", "after");
    assertThat(lines.get(0).unterminated()).isTrue();
  }

  @Test
  void shouldLoseOnlyTheLinesWrittenBetweenTheCopyAndTheTruncation() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "read\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "in the copy\n");
    Files.copy(log, rotated(log), StandardCopyOption.REPLACE_EXISTING);
    append(log, "lost: written after the copy, before the truncation\n");
    truncate(log);
    append(log, "after\n");

    assertThat(texts(tailer.poll())).containsExactly("in the copy", "after");
  }

  @Test
  void shouldNotTakeAnOlderRotatedFileForTheCopy() throws Exception {
    Path log = dir.resolve("mail.log");
    append(rotated(log), "an older rotated file\n");
    append(log, "read\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    truncate(log);
    append(log, "after\n");

    assertThat(texts(tailer.poll())).containsExactly("after");
  }

  @Test
  void shouldReadAFileTruncatedAndThenRenamedBeforeThePollFromItsStart() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "read before\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    copyTruncate(log);
    append(log, "after the truncation\n");
    LogFiles.rotate(log);
    append(log, "new file\n");

    assertThat(texts(tailer.poll())).containsExactly("after the truncation", "new file");
    assertThat(tailer.stats().truncations()).isEqualTo(1);
    assertThat(tailer.stats().rotations()).isEqualTo(1);
  }
}
