package io.relaywatch.ingest.tail;

import static io.relaywatch.ingest.tail.LogFiles.append;
import static io.relaywatch.ingest.tail.LogFiles.copyTruncate;
import static io.relaywatch.ingest.tail.LogFiles.rotate;
import static io.relaywatch.ingest.tail.LogFiles.rotated;
import static io.relaywatch.ingest.tail.LogFiles.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;
  private final TailerOptions options = TailerOptions.defaults();

  /** Takes a checkpoint through its byte form, as a restart would. */
  private FileTailer restart(FileTailer tailer) throws Exception {
    byte[] saved = tailer.checkpoint().toBytes();
    tailer.close();
    return FileTailer.resume(tailer.path(), TailerCheckpoint.fromBytes(saved), options);
  }

  @Test
  void shouldResumeWithoutRereadingOrSkippingALine() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "one\ntwo\n");
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    append(log, "three\n");

    try (FileTailer after = restart(before)) {
      assertThat(texts(after.poll())).containsExactly("three");
    }
  }

  @Test
  void shouldDrainTheFileOfTheStartingCheckpointRotatedAwayBeforeTheFirstPoll() throws Exception {
    Path log = dir.resolve("mail.log");
    append(rotated(log), "old, there before the first start\n");
    append(log, "a1\n");
    FileTailer before = FileTailer.open(log, options);
    byte[] saved = before.checkpoint().toBytes();
    before.close();
    append(log, "a2\n");
    rotate(log);
    append(log, "b1\n");

    try (FileTailer after = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options)) {
      assertThat(texts(after.poll())).containsExactly("a1", "a2", "b1");
    }
  }

  @Test
  void shouldIgnoreTheRotatedFileOfTheFirstStartAfterARestartFromTheStartingCheckpoint()
      throws Exception {
    Path log = dir.resolve("mail.log");
    append(rotated(log), "old, there before the first start\n");
    append(log, "a1\n");
    FileTailer before = FileTailer.open(log, options);
    byte[] saved = before.checkpoint().toBytes();
    before.close();

    try (FileTailer after = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options)) {
      assertThat(texts(after.poll())).containsExactly("a1");
    }
  }

  @Test
  void shouldResumeAPartialLineFromItsStart() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "one\ntw");
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    append(log, "o\n");

    try (FileTailer after = restart(before)) {
      List<TailedLine> lines = after.poll();
      assertThat(texts(lines)).containsExactly("two");
      assertThat(lines.get(0).offset()).isEqualTo(4);
    }
  }

  @Test
  void shouldFindTheCheckpointedFileAtItsRotatedNameAfterARestart() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a1\n");
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    byte[] saved = before.checkpoint().toBytes();
    before.close();
    append(log, "a2 written while the shipper was down\n");
    rotate(log);
    append(log, "b1\n");

    try (FileTailer after = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options)) {
      assertThat(texts(after.poll()))
          .containsExactly("a2 written while the shipper was down", "b1");
      assertThat(after.stats().lostSources()).isZero();
    }
  }

  @Test
  void shouldIgnoreAnOlderRotatedFileAfterARestart() throws Exception {
    Path log = dir.resolve("mail.log");
    append(rotated(log), "old, read before\n");
    append(log, "a1\n");
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    append(log, "a2\n");

    try (FileTailer after = restart(before)) {
      assertThat(texts(after.poll())).containsExactly("a2");
    }
  }

  @Test
  void shouldDrainTheCopyOfAFileTruncatedWhileTheShipperWasDown() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a1\n");
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    byte[] saved = before.checkpoint().toBytes();
    before.close();
    append(log, "a2\n");
    copyTruncate(log);
    append(log, "b1\n");

    try (FileTailer after = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options)) {
      assertThat(texts(after.poll())).containsExactly("a2", "b1");
    }
  }

  @Test
  void shouldResumeSkippingTheRestOfAnOversizeLine() throws Exception {
    Path log = dir.resolve("mail.log");
    TailerOptions small = options.withMaxLineBytes(4);
    append(log, "0123456789");
    FileTailer before = FileTailer.open(log, small);
    assertThat(texts(before.poll())).containsExactly("0123");
    TailerCheckpoint checkpoint = TailerCheckpoint.fromBytes(before.checkpoint().toBytes());
    before.close();
    append(log, "rest\nnext\n");

    try (FileTailer after = FileTailer.resume(log, checkpoint, small)) {
      assertThat(checkpoint.sources().get(0).skipping()).isTrue();
      assertThat(texts(after.poll())).containsExactly("next");
    }
  }

  @Test
  void shouldReadBothFilesWhenTheCheckpointedOneWasRotatedAwayTwice() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a1\n");
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    byte[] saved = before.checkpoint().toBytes();
    before.close();
    rotate(log);
    append(log, "b1\n");
    Files.delete(rotated(log));
    rotate(log);
    append(log, "c1\n");

    try (FileTailer after = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options)) {
      assertThat(texts(after.poll())).containsExactly("b1", "c1");
      assertThat(after.stats().lostSources()).isEqualTo(1);
    }
  }

  @Test
  void shouldKeepTheCheckpointOfATailerThatHasNotPolledYet() throws Exception {
    TailerCheckpoint checkpoint =
        new TailerCheckpoint(
            List.of(new SourcePosition(new Fingerprint("ab".repeat(32), 10), 7, false, "")), null);

    try (FileTailer tailer = FileTailer.resume(dir.resolve("mail.log"), checkpoint, options)) {
      assertThat(tailer.checkpoint()).isEqualTo(checkpoint);
    }
  }

  @Test
  void shouldRoundTripThroughBytesAndJackson() throws Exception {
    TailerCheckpoint checkpoint =
        new TailerCheckpoint(
            List.of(
                new SourcePosition(new Fingerprint("ab".repeat(32), 1024), 4096, true, ""),
                new SourcePosition(
                    new Fingerprint("0f".repeat(32), 17), 3, false, "(dev=803,ino=42)")),
            new SourcePosition(
                new Fingerprint("cd".repeat(32), 1024), 9000, false, "(dev=803,ino=41)"));
    ObjectMapper json = new ObjectMapper();

    assertThat(TailerCheckpoint.fromBytes(checkpoint.toBytes())).isEqualTo(checkpoint);
    assertThat(json.readValue(json.writeValueAsBytes(checkpoint), TailerCheckpoint.class))
        .isEqualTo(checkpoint);
  }

  @Test
  void shouldNameTheBadLineOfACorruptCheckpoint() {
    byte[] corrupt =
        "relaywatch-tail-checkpoint 1\nfinished-rotated -\nnot a source\n"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> TailerCheckpoint.fromBytes(corrupt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tail checkpoint line 3 is 'not a source', expected"
                + " '<sha256 hex> <length> <offset> <0|1> <file key>'");
    assertThatThrownBy(() -> TailerCheckpoint.fromBytes("{}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a tail checkpoint");
  }

  @Test
  void shouldReadTheNewFileFromItsStartWhenTheCheckpointedFileWasEmpty() throws Exception {
    Path log = dir.resolve("mail.log");
    Files.createFile(log);
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    byte[] saved = before.checkpoint().toBytes();
    before.close();
    append(log, "a1 written while down\n");
    rotate(log);
    append(log, "b1 in the new file, longer than a1\n");

    try (FileTailer after = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options)) {
      assertThat(texts(after.poll()))
          .containsExactly("a1 written while down", "b1 in the new file, longer than a1");
    }
  }

  @Test
  void shouldDrainTheCopyOfAFileThatWasEmptyAtTheCheckpoint() throws Exception {
    Path log = dir.resolve("mail.log");
    Files.createFile(log);
    FileTailer before = FileTailer.open(log, options);
    before.poll();
    byte[] saved = before.checkpoint().toBytes();
    before.close();
    append(log, "a1 written while down\n");
    copyTruncate(log);
    append(log, "a2 after the truncation\n");

    try (FileTailer after = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options)) {
      assertThat(texts(after.poll()))
          .containsExactly("a1 written while down", "a2 after the truncation");
    }
  }

  @Test
  void shouldNotReadAgainTheRotatedFileItHadFinishedWhenTheCheckpointedFileWasEmpty()
      throws Exception {
    Path log = dir.resolve("mail.log");
    append(rotated(log), "old, ignored by the first start\n");
    Files.createFile(log);
    FileTailer before = FileTailer.open(log, options);
    assertThat(before.poll()).isEmpty();
    append(log, "a1\n");

    try (FileTailer after = restart(before)) {
      assertThat(texts(after.poll())).containsExactly("a1");
    }
  }

  @Test
  void shouldReadACheckpointWrittenBeforeTheFinishedRotatedLineExisted() {
    String sha = "ab".repeat(32);
    byte[] old =
        ("relaywatch-tail-checkpoint 1\n" + sha + " 1024 77 0 -\n")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(TailerCheckpoint.fromBytes(old))
        .isEqualTo(
            new TailerCheckpoint(
                List.of(new SourcePosition(new Fingerprint(sha, 1024), 77, false, "")), null));
  }
}
