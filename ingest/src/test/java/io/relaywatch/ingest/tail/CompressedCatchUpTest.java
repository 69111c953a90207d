package io.relaywatch.ingest.tail;

import static io.relaywatch.ingest.tail.LogFiles.append;
import static io.relaywatch.ingest.tail.LogFiles.compress;
import static io.relaywatch.ingest.tail.LogFiles.generation;
import static io.relaywatch.ingest.tail.LogFiles.rotate;
import static io.relaywatch.ingest.tail.LogFiles.rotateDelayCompress;
import static io.relaywatch.ingest.tail.LogFiles.rotated;
import static io.relaywatch.ingest.tail.LogFiles.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shipper down while logrotate ran more than once finds its file among the compressed ones. */
class CompressedCatchUpTest {
  private static final int GENERATIONS = 4;

  @TempDir Path dir;
  private Path log;
  private Path scratch;
  private final MutableClock clock = new MutableClock();
  private FileTailer tailer;

  @BeforeEach
  void paths() {
    log = dir.resolve("mail.log");
    scratch = dir.resolve("state").resolve("unpacked");
  }

  @AfterEach
  void close() throws Exception {
    if (tailer != null) {
      tailer.close();
    }
  }

  private TailerOptions options(CompressedCatchUp catchUp) {
    return TailerOptions.defaults().withClock(clock).withCompressedCatchUp(catchUp);
  }

  private TailerOptions catchingUp() {
    return options(new CompressedCatchUp(GENERATIONS, scratch));
  }

  /** Ships the file's lines so far, then stops: the checkpoint a restart starts from. */
  private TailerCheckpoint shipThenStop(String... expected) throws Exception {
    try (FileTailer first = FileTailer.open(log, catchingUp())) {
      assertThat(texts(first.poll())).containsExactly(expected);
      return first.checkpoint();
    }
  }

  private List<String> restartAndDrain(TailerCheckpoint checkpoint, TailerOptions options)
      throws Exception {
    tailer = FileTailer.resume(log, checkpoint, options);
    List<String> lines = new ArrayList<>();
    for (List<TailedLine> batch = tailer.poll(); !batch.isEmpty(); batch = tailer.poll()) {
      lines.addAll(texts(batch));
    }
    return lines;
  }

  @Test
  void shouldFinishTheFileItWasReadingAfterTwoRotationsWhileDown() throws Exception {
    append(log, "a1 first file\na2\n");
    TailerCheckpoint checkpoint = shipThenStop("a1 first file", "a2");
    append(log, "a3 written while the shipper was down\n");
    rotateDelayCompress(log, GENERATIONS);
    append(log, "b1 second file\n");
    rotateDelayCompress(log, GENERATIONS); // the first file is now mail.log.2.gz
    append(log, "c1 third file\n");

    assertThat(restartAndDrain(checkpoint, catchingUp()))
        .containsExactly(
            "a3 written while the shipper was down", "b1 second file", "c1 third file");
    assertThat(tailer.stats().lostSources()).isZero();
  }

  @Test
  void shouldCountTheFileAsLostWhenCatchUpIsOff() throws Exception {
    append(log, "a1 first file\n");
    TailerCheckpoint checkpoint = shipThenStop("a1 first file");
    append(log, "a2 written while the shipper was down\n");
    rotateDelayCompress(log, GENERATIONS);
    append(log, "b1 second file\n");
    rotateDelayCompress(log, GENERATIONS);

    assertThat(restartAndDrain(checkpoint, options(CompressedCatchUp.OFF)))
        .containsExactly("b1 second file");
    assertThat(tailer.stats().lostSources()).isEqualTo(1);
  }

  @Test
  void shouldReadWholeEveryGenerationRotatedAfterTheFileItWasReading() throws Exception {
    append(log, "old history, shipped long ago\n");
    rotateDelayCompress(log, GENERATIONS);
    rotateDelayCompress(log, GENERATIONS); // the history is mail.log.2.gz
    append(log, "a1 first file\n");
    TailerCheckpoint checkpoint = shipThenStop("a1 first file");
    append(log, "a2\n");
    for (String file : List.of("b", "c", "d")) {
      rotateDelayCompress(log, GENERATIONS);
      append(log, file + "1 of a file the shipper never saw\n");
    }

    // mail.log.4.gz holds the history, .3.gz the first file, .2.gz b, .1 c, the path d
    assertThat(restartAndDrain(checkpoint, catchingUp()))
        .containsExactly(
            "a2",
            "b1 of a file the shipper never saw",
            "c1 of a file the shipper never saw",
            "d1 of a file the shipper never saw");
  }

  @Test
  void shouldFindAFileCompressedAsSoonAsItWasRotated() throws Exception {
    append(log, "a1 first file\n");
    TailerCheckpoint checkpoint = shipThenStop("a1 first file");
    append(log, "a2\n");
    rotate(log); // logrotate without delaycompress: .1 is compressed to .1.gz at once
    compress(rotated(log), generation(log, 1));
    append(log, "b1 second file\n");

    assertThat(restartAndDrain(checkpoint, catchingUp())).containsExactly("a2", "b1 second file");
  }

  @Test
  void shouldPassOverADamagedGenerationAndCountItsFileAsLost() throws Exception {
    append(log, "a1 first file\n");
    TailerCheckpoint checkpoint = shipThenStop("a1 first file");
    rotateDelayCompress(log, GENERATIONS);
    append(log, "b1 second file\n");
    rotateDelayCompress(log, GENERATIONS);
    Files.write(generation(log, 2), new byte[] {0x1f, (byte) 0x8b, 8, 0, 'x', 'y'});

    assertThat(restartAndDrain(checkpoint, catchingUp())).containsExactly("b1 second file");
    assertThat(tailer.stats().lostSources()).isEqualTo(1);
  }

  @Test
  void shouldLeaveNoUnpackedCopyBehind() throws Exception {
    append(log, "a1 first file\n");
    TailerCheckpoint checkpoint = shipThenStop("a1 first file");
    append(log, "a2\n");
    rotateDelayCompress(log, GENERATIONS);
    rotateDelayCompress(log, GENERATIONS);

    tailer = FileTailer.resume(log, checkpoint, catchingUp());
    assertThat(texts(tailer.poll())).containsExactly("a2");
    try (Stream<Path> left = Files.list(scratch)) {
      assertThat(left).isEmpty(); // unlinked while still open
    }
  }

  @Test
  void shouldTakeAFileCheckpointedEmptyOnlyAsTheGenerationAfterAFileFound() throws Exception {
    for (String text : List.of("h1 history\n", "a1 first file\n", "b1 second file\n")) {
      append(log, text);
      rotateDelayCompress(log, GENERATIONS);
    }
    rotateDelayCompress(log, GENERATIONS); // h is mail.log.4.gz, a .3.gz, b .2.gz
    SourcePosition empty = new SourcePosition(new Fingerprint(EMPTY_SHA256, 0), 0, false, "");
    SourcePosition history = positionOfWhole("h1 history\n");

    CompressedResolver.Found alone =
        CompressedResolver.resolve(log, null, List.of(empty), catchingUp());
    CompressedResolver.Found anchored =
        CompressedResolver.resolve(log, history, List.of(empty), catchingUp());

    assertThat(alone.files()).as("an empty head matches any file: none is taken").isEmpty();
    assertThat(anchored.sources()).isEqualTo(1);
    List<String> lines = new ArrayList<>();
    for (TrackedFile file : anchored.files()) {
      List<TailedLine> out = new ArrayList<>();
      file.readLines(ByteBuffer.allocate(1 << 16), Long.MAX_VALUE, out);
      lines.addAll(texts(out));
      file.close();
    }
    assertThat(lines).containsExactly("a1 first file", "b1 second file");
  }

  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The position at the end of a file holding exactly this text, as a checkpoint names it. */
  private static SourcePosition positionOfWhole(String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    return new SourcePosition(new Fingerprint(sha, bytes.length), bytes.length, false, "");
  }
}
