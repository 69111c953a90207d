package io.relaywatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLogWriterTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  @TempDir Path dir;

  @Test
  void shouldRotateByRenameAndKeepEveryLineAcrossTheFiles() throws IOException {
    Path log = dir.resolve("mail.log");
    SampleLogWriter writer = new SampleLogWriter(log, 3, 10, 20, Clock.fixed(T0, ZoneOffset.UTC));
    ScenarioLog same = new ScenarioLog(3);
    List<String> expected = new ArrayList<>();

    for (int i = 0; i < 12; i++) {
      writer.writeSession(T0.plusSeconds(i));
      expected.addAll(same.next(T0.plusSeconds(i)));
    }

    List<String> rotated = Files.readAllLines(dir.resolve("mail.log.1"));
    List<String> live = Files.readAllLines(log);
    assertThat(live.size()).isLessThan(expected.size());
    assertThat(expected).endsWith(live.toArray(String[]::new));
    assertThat(expected).containsSubsequence(rotated);
    assertThat(writer.written()).isEqualTo(expected.size());
  }

  @Test
  void shouldRefuseANonPositiveRate() {
    assertThatThrownBy(() -> new SampleLogWriter(dir.resolve("x"), 1, 0, 0, Clock.systemUTC()))
        .hasMessageContaining("sessions per second must be above 0");
  }
}
