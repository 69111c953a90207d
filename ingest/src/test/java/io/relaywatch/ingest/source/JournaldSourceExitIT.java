package io.relaywatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.relaywatch.ingest.source.JournaldSource.Options;
import io.relaywatch.ingest.source.JournaldSource.Seek;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JournaldSource against a stand-in journalctl (a shell script) that prints entries and exits. */
class JournaldSourceExitIT {
  @TempDir Path dir;

  private Path fakeJournalctl(String body) throws IOException {
    Path script = dir.resolve("journalctl");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private static Options options(Path command, int maxLineBytes) {
    return new Options(
        command.toString(),
        List.of(),
        List.of("t"),
        Seek.HEAD,
        maxLineBytes,
        100,
        1 << 20,
        ZoneId.of("UTC"));
  }

  @Test
  void shouldReturnTheLinesThenFailNamingTheCommandAndItsExitCode() throws IOException {
    Path command =
        fakeJournalctl(
            "echo '{\"__CURSOR\":\"c1\",\"_HOSTNAME\":\"h\",\"SYSLOG_IDENTIFIER\":\"t\",\"MESSAGE\":\"one\"}'\n"
                + "echo 'Failed to seek: Invalid argument' >&2\n"
                + "exit 3");
    try (JournaldSource source = JournaldSource.open(options(command, 1024), null)) {
      List<SourceLine> lines = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                try {
                  lines.addAll(source.poll());
                  return false;
                } catch (IOException e) {
                  return true;
                }
              });

      assertThat(lines)
          .extracting(l -> new String(l.eventId(), StandardCharsets.US_ASCII))
          .containsExactly("c1");
      assertThat(source.checkpoint()).isEqualTo("c1".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(source::poll)
          .isInstanceOf(IOException.class)
          .hasMessageContaining(command.toString() + " --follow")
          .hasMessageContaining("exited with code 3")
          .hasMessageContaining("Failed to seek: Invalid argument");
    }
  }

  @Test
  void shouldCutAnOversizeEntryAndCountIt() throws IOException {
    String message = "x".repeat(3000);
    Path command =
        fakeJournalctl(
            "echo '{\"__CURSOR\":\"c1\",\"SYSLOG_IDENTIFIER\":\"t\",\"MESSAGE\":\""
                + message
                + "\"}'\nexec sleep 30");
    try (JournaldSource source = JournaldSource.open(options(command, 1024), null)) {
      List<SourceLine> lines = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.addAll(source.poll()));

      assertThat(lines.get(0).bytes()).hasSize(1024);
      assertThat(lines.get(0).cut()).isTrue();
      assertThat(source.stats().oversizeLines()).isEqualTo(1);
    }
  }

  @Test
  void shouldPassTheCheckpointCursorAsOneArgument() throws IOException {
    Path args = dir.resolve("args");
    Path command =
        fakeJournalctl("for a in \"$@\"; do echo \"$a\"; done > '" + args + "'\nexec sleep 30");
    String cursor = "s=abc;i=1 $(touch " + dir.resolve("pwned") + ")";
    try (JournaldSource source =
        JournaldSource.open(options(command, 1024), cursor.getBytes(StandardCharsets.UTF_8))) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.exists(args) && Files.readString(args).contains("--after-cursor"));

      assertThat(Files.readAllLines(args)).endsWith("--after-cursor=" + cursor);
      assertThat(dir.resolve("pwned")).doesNotExist();
      assertThat(source.checkpoint()).isEqualTo(cursor.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldNameTheCommandWhenItCannotBeStarted() {
    Path missing = dir.resolve("no-such-journalctl");

    assertThatThrownBy(() -> JournaldSource.open(options(missing, 1024), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot start " + missing);
  }
}
