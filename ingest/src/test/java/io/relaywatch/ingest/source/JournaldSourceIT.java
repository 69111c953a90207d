package io.relaywatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.ingest.source.JournaldSource.Options;
import io.relaywatch.ingest.source.JournaldSource.Seek;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JournaldSource against a real systemd-journald and the real journalctl. */
class JournaldSourceIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String SMTPD = "postfix/smtpd";
  private static JournaldProcess journald;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startJournald() throws IOException {
    journald = JournaldProcess.ensureRunning();
  }

  @AfterAll
  static void stopJournald() throws IOException {
    if (journald != null) {
      journald.close();
    }
  }

  private static Options options(String identifier, Seek seek, int maxLinesPerPoll) {
    return new Options(
        "journalctl",
        List.of(),
        List.of(identifier),
        seek,
        64 * 1024,
        maxLinesPerPoll,
        1 << 20,
        ZoneId.systemDefault());
  }

  /** A checkpoint at the newest entry of the identifier, so the test sees only its own entries. */
  private static byte[] now(String identifier) throws IOException {
    String cursor = JournaldProcess.lastCursor(identifier);
    return cursor == null ? null : cursor.getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> utf8(List<String> lines) {
    return lines.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static List<SourceLine> pollUntil(JournaldSource source, List<SourceLine> into, int n) {
    await().atMost(DEADLINE).until(() -> into.addAll(source.poll()) && into.size() >= n);
    return into;
  }

  private static String message(SourceLine line) {
    String text = new String(line.bytes(), StandardCharsets.UTF_8);
    return text.substring(text.indexOf("]: ") + 3);
  }

  @Test
  void shouldReturnEntriesInOrderWithTheReconstructedHeader() throws IOException {
    List<String> messages =
        List.of(
            "NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 <x@example.net>: Relay"
                + " access denied; from=<a@example.com> to=<x@example.net> proto=ESMTP"
                + " helo=<run-"
                + run
                + ">",
            "connect from unknown[192.0.2.7] " + run,
            "disconnect from unknown[192.0.2.7] " + run);
    byte[] start = now(SMTPD);
    JournaldProcess.write(SMTPD, utf8(messages));

    try (JournaldSource source = JournaldSource.open(options(SMTPD, Seek.HEAD, 100), start)) {
      List<SourceLine> lines = pollUntil(source, new ArrayList<>(), 3);

      String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      Pattern header =
          Pattern.compile(
              "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d "
                  + Pattern.quote(host)
                  + " postfix/smtpd\\[\\d+\\]: .*");
      assertThat(lines).extracting(JournaldSourceIT::message).containsExactlyElementsOf(messages);
      assertThat(lines)
          .allSatisfy(
              l -> assertThat(new String(l.bytes(), StandardCharsets.UTF_8)).matches(header))
          .allSatisfy(
              l -> assertThat(new String(l.eventId(), StandardCharsets.US_ASCII)).startsWith("s="));
      assertThat(lines).extracting(SourceLine::eventId).doesNotHaveDuplicates();
      assertThat(source.checkpoint()).isEqualTo(lines.get(2).eventId());
    }
  }

  @Test
  void shouldResumeExactlyAfterTheLastReturnedEntryAfterCloseAndReopen() throws IOException {
    List<String> first = numbered(0, 30);
    byte[] start = now(SMTPD);
    JournaldProcess.write(SMTPD, utf8(first));

    List<SourceLine> lines = new ArrayList<>();
    byte[] checkpoint;
    try (JournaldSource source = JournaldSource.open(options(SMTPD, Seek.HEAD, 7), start)) {
      pollUntil(source, lines, 1);
      checkpoint = source.checkpoint();
    }
    assertThat(lines).hasSizeLessThanOrEqualTo(7);
    assertThat(checkpoint).isEqualTo(lines.get(lines.size() - 1).eventId());

    // more than journalctl's default 10 lines after the cursor, written while the source is closed
    JournaldProcess.write(SMTPD, utf8(numbered(30, 45)));
    try (JournaldSource source = JournaldSource.open(options(SMTPD, Seek.HEAD, 7), checkpoint)) {
      pollUntil(source, lines, 45);
    }

    assertThat(lines)
        .extracting(JournaldSourceIT::message)
        .containsExactlyElementsOf(numbered(0, 45));
  }

  @Test
  void shouldKeepTheBytesOfAMessageThatIsNotUtf8() throws IOException {
    byte[] binary = {'b', 'i', 'n', ' ', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, ' ', 'x'};
    byte[] marker = ("after binary " + run).getBytes(StandardCharsets.UTF_8);
    byte[] start = now(SMTPD);
    JournaldProcess.write(SMTPD, List.of(binary, marker));

    try (JournaldSource source = JournaldSource.open(options(SMTPD, Seek.HEAD, 100), start)) {
      List<SourceLine> lines = pollUntil(source, new ArrayList<>(), 2);

      byte[] line = lines.get(0).bytes();
      assertThat(Arrays.copyOfRange(line, line.length - binary.length, line.length))
          .isEqualTo(binary);
      assertThat(message(lines.get(1))).isEqualTo("after binary " + run);
    }
  }

  @Test
  void shouldReadWhatTheJournalHoldsWithoutACheckpoint() throws IOException {
    String identifier = "relaywatch-it-" + run;
    JournaldProcess.write(identifier, utf8(numbered(0, 12)));

    try (JournaldSource source = JournaldSource.open(options(identifier, Seek.HEAD, 100), null)) {
      List<SourceLine> lines = pollUntil(source, new ArrayList<>(), 12);

      assertThat(lines)
          .extracting(JournaldSourceIT::message)
          .containsExactlyElementsOf(numbered(0, 12));
    }
  }

  @Test
  void shouldReadOnlyNewEntriesWhenSeekingTheTail() throws IOException {
    String identifier = "relaywatch-it-" + run;
    JournaldProcess.write(identifier, utf8(List.of("old " + run)));

    try (JournaldSource source = JournaldSource.open(options(identifier, Seek.TAIL, 100), null)) {
      List<SourceLine> lines = new ArrayList<>();
      // journalctl seeks the tail some time after it starts: write until a new entry arrives
      await()
          .atMost(DEADLINE)
          .until(
              () -> {
                JournaldProcess.write(identifier, utf8(List.of("new " + run)));
                return lines.addAll(source.poll());
              });

      assertThat(lines).extracting(JournaldSourceIT::message).allMatch(m -> m.startsWith("new "));
    }
  }

  private List<String> numbered(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> String.format("%s line %03d", run, i)).toList();
  }
}
