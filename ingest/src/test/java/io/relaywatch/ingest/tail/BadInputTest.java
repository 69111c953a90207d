package io.relaywatch.ingest.tail;

import static io.relaywatch.ingest.tail.LogFiles.append;
import static io.relaywatch.ingest.tail.LogFiles.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;
  private FileTailer tailer;

  private FileTailer tailer(Path path, TailerOptions options) {
    tailer = FileTailer.open(path, options);
    return tailer;
  }

  @AfterEach
  void close() throws Exception {
    tailer.close();
  }

  @Test
  void shouldKeepInvalidUtf8ByteForByte() throws Exception {
    Path log = dir.resolve("mail.log");
    byte[] invalid = {'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, (byte) 0xED, (byte) 0xA0};
    append(log, concat(invalid, new byte[] {'\n'}));

    List<TailedLine> lines = tailer(log, TailerOptions.defaults()).poll();

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).bytes()).containsExactly(invalid);
  }

  @Test
  void shouldKeepBinaryGarbageLinesExactlyAsWritten() throws Exception {
    Path log = dir.resolve("mail.log");
    Random random = new Random(42);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    List<byte[]> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      byte[] line = garbageWithoutNewline(random, random.nextInt(300));
      expected.add(line);
      file.write(line);
      file.write('\n');
    }
    append(log, file.toByteArray());

    List<TailedLine> lines = tailer(log, TailerOptions.defaults()).poll();

    assertThat(lines).hasSize(500);
    for (int i = 0; i < 500; i++) {
      assertThat(lines.get(i).bytes()).as("line %d", i).containsExactly(expected.get(i));
    }
  }

  @Test
  void shouldCutAnOversizeLineFlagItAndSkipItsRest() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "a".repeat(10) + "\n" + "b".repeat(11) + "\n" + "c\n");

    List<TailedLine> lines = tailer(log, TailerOptions.defaults().withMaxLineBytes(10)).poll();

    assertThat(texts(lines)).containsExactly("a".repeat(10), "b".repeat(10), "c");
    assertThat(lines).extracting(TailedLine::cut).containsExactly(false, true, false);
    assertThat(lines).extracting(TailedLine::offset).containsExactly(0L, 11L, 23L);
    assertThat(tailer.stats().oversizeLines()).isEqualTo(1);
  }

  @Test
  void shouldCutAnOversizeLineBeforeItsNewlineArrives() throws Exception {
    Path log = dir.resolve("mail.log");
    append(log, "x".repeat(25));
    FileTailer tailer = tailer(log, TailerOptions.defaults().withMaxLineBytes(10));

    assertThat(texts(tailer.poll())).containsExactly("x".repeat(10));
    append(log, "yyy\nnext\n");
    assertThat(texts(tailer.poll())).containsExactly("next");
  }

  @Test
  void shouldCutAOneMebibyteLineAtTheDefaultLimitWithoutStalling() throws Exception {
    Path log = dir.resolve("mail.log");
    byte[] huge = new byte[1 << 20];
    Arrays.fill(huge, (byte) 'm');
    append(log, concat(huge, "\nafter\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    List<TailedLine> lines = tailer(log, TailerOptions.defaults()).poll();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).bytes()).hasSize(TailerOptions.DEFAULT_MAX_LINE_BYTES);
    assertThat(lines.get(0).cut()).isTrue();
    assertThat(lines.get(1).text()).isEqualTo("after");
    assertThat(lines.get(1).offset()).isEqualTo((1 << 20) + 1);
  }

  private static byte[] garbageWithoutNewline(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        bytes[i] = 0;
      }
    }
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
