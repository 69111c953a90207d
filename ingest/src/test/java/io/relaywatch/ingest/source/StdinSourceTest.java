package io.relaywatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdinSourceTest {
  private static List<SourceLine> readAll(StdinSource source) {
    List<SourceLine> lines = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              lines.addAll(source.poll());
              return source.exhausted();
            });
    return lines;
  }

  @Test
  void shouldSplitLinesKeepBytesAndEndWithTheInput() {
    byte[] input = {'a', '\n', (byte) 0xff, (byte) 0xc3, '\n', 'l', 'a', 's', 't'};
    StdinSource source = new StdinSource(new ByteArrayInputStream(input), 1024, 1 << 20);

    List<SourceLine> lines = readAll(source);

    assertThat(lines)
        .extracting(SourceLine::bytes)
        .containsExactly(
            new byte[] {'a'},
            new byte[] {(byte) 0xff, (byte) 0xc3},
            "last".getBytes(StandardCharsets.US_ASCII));
    assertThat(lines).allSatisfy(l -> assertThat(l.eventId()).isNull());
    assertThat(source.checkpoint()).isNull();
  }

  @Test
  void shouldCutOversizeLinesAndFlagThem() {
    String input = "x".repeat(5000) + "\nok\n";
    StdinSource source =
        new StdinSource(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)), 1024, 1 << 20);

    List<SourceLine> lines = readAll(source);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).bytes()).hasSize(1024);
    assertThat(lines.get(0).cut()).isTrue();
    assertThat(lines.get(1).cut()).isFalse();
  }

  @Test
  void shouldReportAReadErrorOnceTheLinesBeforeItAreTaken() {
    InputStream failing =
        new InputStream() {
          private int calls;

          @Override
          public int read() throws IOException {
            throw new IOException("broken pipe");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (calls++ == 0) {
              b[off] = 'a';
              b[off + 1] = '\n';
              return 2;
            }
            throw new IOException("broken pipe");
          }
        };
    StdinSource source = new StdinSource(failing, 1024, 1 << 20);
    List<SourceLine> lines = new ArrayList<>();

    assertThatThrownBy(
            () ->
                await()
                    .atMost(Duration.ofSeconds(10))
                    .ignoreNoExceptions()
                    .until(
                        () -> {
                          lines.addAll(source.poll());
                          return false;
                        }))
        .hasRootCauseMessage("broken pipe");
    assertThat(lines).extracting(SourceLine::bytes).containsExactly(new byte[] {'a'});
  }
}
