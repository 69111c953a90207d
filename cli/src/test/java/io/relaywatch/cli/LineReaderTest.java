package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.streams.parse.LineParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static List<String> lines(byte[] bytes) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
    List<String> lines = new ArrayList<>();
    for (String line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void shouldSplitOnNewlinesAndDropCarriageReturns() throws IOException {
    assertThat(lines("a\nb\r\n\nlast".getBytes(StandardCharsets.UTF_8)))
        .containsExactly("a", "b", "", "last");
  }

  @Test
  void shouldDecodeUtf8AndReplaceMalformedBytes() throws IOException {
    byte[] bytes = {
      'h', (byte) 0xc3, (byte) 0xa9, ' ', (byte) 0xff, '\n', (byte) 0xe2, (byte) 0x82
    };

    assertThat(lines(bytes)).containsExactly("h\u00e9 \uFFFD", "\uFFFD");
  }

  @Test
  void shouldCutOverlongLinesAndMarkThem() throws IOException {
    byte[] big =
        ("x".repeat(LineReader.MAX_LINE_BYTES + 10) + "\nnext\n")
            .getBytes(StandardCharsets.US_ASCII);
    LineReader reader = new LineReader(new ByteArrayInputStream(big));

    String first = reader.next();
    assertThat(reader.truncated()).isTrue();
    assertThat(first)
        .hasSize(LineReader.MAX_LINE_BYTES)
        .hasSizeGreaterThan(LineParser.MAX_LINE_CHARS);
    assertThat(reader.next()).isEqualTo("next");
    assertThat(reader.truncated()).isFalse();
  }

  @Test
  void shouldReadLinesSplitAcrossShortReads() throws IOException {
    byte[] bytes = "first line\nsecond\n".getBytes(StandardCharsets.UTF_8);
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 3));
          }
        };
    LineReader reader = new LineReader(trickle);

    assertThat(reader.next()).isEqualTo("first line");
    assertThat(reader.next()).isEqualTo("second");
    assertThat(reader.next()).isNull();
  }
}
