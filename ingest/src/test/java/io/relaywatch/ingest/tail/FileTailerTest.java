package io.relaywatch.ingest.tail;

import static io.relaywatch.ingest.tail.LogFiles.append;
import static io.relaywatch.ingest.tail.LogFiles.rotate;
import static io.relaywatch.ingest.tail.LogFiles.rotated;
import static io.relaywatch.ingest.tail.LogFiles.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailerTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private FileTailer tailer;

  private FileTailer tailer(Path path) {
    tailer = FileTailer.open(path, TailerOptions.defaults().withClock(clock));
    return tailer;
  }

  @AfterEach
  void close() throws Exception {
    if (tailer != null) {
      tailer.close();
    }
  }

  @Test
  void shouldReturnCompleteLinesWithSourceAndStartOffset() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "first\nsecond\n\nfourth\n");

    List<TailedLine> lines = tailer(log).poll();

    assertThat(texts(lines)).containsExactly("first", "second", "", "fourth");
    assertThat(lines).extracting(TailedLine::offset).containsExactly(0L, 6L, 13L, 14L);
    assertThat(lines).extracting(TailedLine::source).containsOnly(lines.get(0).source());
    assertThat(lines.get(0).source().length()).isEqualTo(21);
  }

  @Test
  void shouldReturnOnlyLinesWrittenSinceLastPoll() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "one\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "two\n");

    assertThat(texts(tailer.poll())).containsExactly("two");
    assertThat(tailer.poll()).isEmpty();
  }

  @Test
  void shouldWaitForTheNewlineOfAPartialLine() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "whole\nhal");
    FileTailer tailer = tailer(log);

    assertThat(texts(tailer.poll())).containsExactly("whole");
    clock.advance(Duration.ofMinutes(10));
    assertThat(tailer.poll()).as("a live file's partial line is never flushed").isEmpty();
    append(log, "f\n");
    List<TailedLine> lines = tailer.poll();
    assertThat(texts(lines)).containsExactly("half");
    assertThat(lines.get(0).offset()).isEqualTo(6);
  }

  @Test
  void shouldWaitForAFileThatDoesNotExistYet() throws Exception {
    Path log = dir.resolve("mail.log");
    FileTailer tailer = tailer(log);

    assertThat(tailer.poll()).isEmpty();
    append(log, "born\n");
    assertThat(texts(tailer.poll())).containsExactly("born");
  }

  @Test
  void shouldDrainRenamedFileBeforeReadingTheNewOne() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a1\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "a2\n");
    rotate(log);
    append(log, "b1\n");

    assertThat(texts(tailer.poll())).containsExactly("a2", "b1");
    assertThat(tailer.stats().rotations()).isEqualTo(1);
    assertThat(tailer.checkpoint().sources()).hasSize(1);
  }

  @Test
  void shouldKeepReadingRenamedFileUntilTheWriterMovesToTheNewFile() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a1\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    rotate(log);
    assertThat(tailer.poll()).isEmpty();
    // delaycompress: the daemon writes to the renamed file until it reopens its log
    append(rotated(log), "a2\n");
    assertThat(texts(tailer.poll())).containsExactly("a2");
    append(rotated(log), "a3\n");
    append(log, "b1\n");

    assertThat(texts(tailer.poll())).containsExactly("a3", "b1");
  }

  @Test
  void shouldReadTheNewFileWhenItIsCreatedAfterTheRename() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a1\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "a2\n");
    Files.move(log, rotated(log));

    assertThat(texts(tailer.poll())).containsExactly("a2");
    append(log, "b1\n");
    assertThat(texts(tailer.poll())).containsExactly("b1");
  }

  @Test
  void shouldFlushPartialLineOfRotatedFileOnlyAfterTheTimeout() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a1\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "torn");
    rotate(log);
    append(log, "b1\n");

    assertThat(tailer.poll()).isEmpty();
    clock.advance(Duration.ofSeconds(4));
    assertThat(tailer.poll()).as("before the 5 s timeout").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    List<TailedLine> lines = tailer.poll();

    assertThat(texts(lines)).containsExactly("torn", "b1");
    assertThat(lines.get(0).unterminated()).isTrue();
    assertThat(lines.get(1).unterminated()).isFalse();
    assertThat(tailer.stats().unterminatedLines()).isEqualTo(1);
  }

  @Test
  void shouldDrainFileDeletedWhileBeingReadThenReleaseIt() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "kept\n");
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "written before the delete\n");
    Files.delete(log);

    assertThat(texts(tailer.poll())).containsExactly("written before the delete");
    assertThat(tailer.stats().deletedFiles()).isEqualTo(1);
    assertThat(tailer.checkpoint().sources()).as("released").isEmpty();
    append(log, "new file\n");
    assertThat(texts(tailer.poll())).containsExactly("new file");
  }

  @Test
  void shouldUpgradeProvisionalFingerprintOnceTheFileGrows() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "short\n");
    FileTailer tailer = tailer(log);
    Fingerprint provisional = tailer.poll().get(0).source();
    append(log, "x".repeat(2000) + "\n");

    Fingerprint full = tailer.poll().get(0).source();

    assertThat(provisional.length()).isEqualTo(6);
    assertThat(provisional.isProvisional(1024)).isTrue();
    assertThat(full.length()).isEqualTo(1024);
    assertThat(tailer.checkpoint().sources().get(0).fingerprint()).isEqualTo(full);
  }

  @Test
  void shouldNotLabelLinesWithTheFingerprintOfAnEmptyFile() throws Exception {
    Path log = dir.resolve("mail.log");
    java.nio.file.Files.createFile(log);
    FileTailer tailer = tailer(log);
    tailer.poll();
    append(log, "first line\n");

    assertThat(tailer.poll().get(0).source().length()).isEqualTo(11);
  }

  @Test
  void shouldCountLinesAndBytes() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "abc\nde\n");
    FileTailer tailer = tailer(log);
    tailer.poll();

    assertThat(tailer.stats().lines()).isEqualTo(2);
    assertThat(tailer.stats().bytes()).isEqualTo(5);
  }

  @Test
  void shouldReadAtMostTheBudgetPerPollAndTheRestNextTime() throws Exception {
    Path log = dir.resolve("mail.log");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("line ").append(i).append('\n');
    }
    append(log, text.toString());
    tailer = FileTailer.open(log, TailerOptions.defaults().withMaxBytesPerPoll(1));

    int first = tailer.poll().size();
    int total = first;
    for (List<TailedLine> lines = tailer.poll(); !lines.isEmpty(); lines = tailer.poll()) {
      total += lines.size();
    }

    assertThat(first).isLessThan(20_000);
    assertThat(total).isEqualTo(20_000);
  }
}
