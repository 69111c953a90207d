package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineBlocksTest {
  @Test
  void shouldCutBlocksOnlyAfterNewlinesSoTheLinesAreUnchanged() throws IOException {
    byte[] log = LogScannerTest.generatedLog(new Random(11), 30_000);
    List<byte[]> blocks = blocks(new ByteArrayInputStream(log));

    assertThat(blocks).hasSizeGreaterThan(2);
    List<String> fromBlocks = new ArrayList<>();
    List<Boolean> cutFromBlocks = new ArrayList<>();
    for (byte[] block : blocks) {
      assertThat(block.length).isLessThanOrEqualTo(LineBlocks.BLOCK_BYTES);
      readLines(new ByteArrayInputStream(block), fromBlocks, cutFromBlocks);
    }
    List<String> whole = new ArrayList<>();
    List<Boolean> cutWhole = new ArrayList<>();
    readLines(new ByteArrayInputStream(log), whole, cutWhole);

    assertThat(fromBlocks).isEqualTo(whole);
    assertThat(cutFromBlocks).isEqualTo(cutWhole).contains(true);
  }

  @Test
  void shouldHandOnTheWholeLinesReadBeforeAnErrorThenTheError() throws IOException {
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream("one\ntwo\nhalf a li".getBytes()),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("Unexpected end of ZLIB input stream");
              }
            });
    LineBlocks blocks = new LineBlocks(failing);

    assertThat(new String(blocks.next())).isEqualTo("one\ntwo\n");
    assertThatThrownBy(blocks::next).hasMessageContaining("ZLIB");
  }

  private static List<byte[]> blocks(InputStream in) throws IOException {
    LineBlocks blocks = new LineBlocks(in);
    List<byte[]> all = new ArrayList<>();
    for (byte[] block = blocks.next(); block != null; block = blocks.next()) {
      all.add(block);
    }
    return all;
  }

  private static void readLines(InputStream in, List<String> lines, List<Boolean> cut)
      throws IOException {
    LineReader reader = new LineReader(in);
    for (String line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
      cut.add(reader.truncated());
    }
  }

  @Test
  void shouldGiveNoBlockForAnEmptyStream() throws IOException {
    assertThat(
            new LineBlocks(new ByteArrayInputStream(new ByteArrayOutputStream().toByteArray()))
                .next())
        .isNull();
  }
}
