package io.relaywatch.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailLogWriterTest {
  @TempDir Path dir;

  @Test
  void shouldRotateByRenameKeepingEveryFileAndCountEachRelayDenialAsWritten() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T18:00:00Z"));
    MailLogWriter writer =
        new MailLogWriter(
            dir.resolve("mail.log"),
            new SoakTraffic(3),
            List.of(new MailLogWriter.Prober("100.64.7.1", true)),
            500,
            Duration.ofSeconds(1),
            clock);
    writer.open();
    for (int i = 0; i < 35; i++) {
      if (i == 20) {
        writer.silenceQuietProbers();
      }
      writer.tick();
      clock.advance(MailLogWriter.TICK);
    }
    writer.close();

    assertThat(writer.files())
        .containsExactly(
            dir.resolve("mail.log.3"),
            dir.resolve("mail.log.2"),
            dir.resolve("mail.log.1"),
            dir.resolve("mail.log"));
    long lines = 0;
    Map<String, Long> denials = new TreeMap<>();
    for (Path file : writer.files()) {
      for (String line : Files.readAllLines(file)) {
        lines++;
        if (line.contains("NOQUEUE: reject: RCPT") && line.contains("Relay access denied")) {
          denials.merge(SoakTraffic.rcptClient(line), 1L, Long::sum);
        }
      }
    }
    assertThat(lines).isEqualTo(writer.lines()).isEqualTo(35 * 50 + 2);
    assertThat(denials).isEqualTo(writer.relayDenials()).containsEntry("100.64.7.1", 2L);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
