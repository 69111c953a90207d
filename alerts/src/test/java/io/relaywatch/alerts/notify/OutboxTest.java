package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Alert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  @TempDir Path dir;

  @Test
  void shouldRoundTripTheAlertStateExactly() {
    Outbox outbox = new Outbox(dir);
    Alert alert = TestAlerts.firing("2001:db8::25");
    OutboxEntry entry = OutboxEntry.submitted(alert, Instant.parse("2026-11-28T10:00:01Z"));
    outbox.write(entry.failedOnce().failedOnce());

    assertThat(new Outbox(dir).load())
        .containsExactly(
            new OutboxEntry(1, alert, 2, Instant.parse("2026-11-28T10:00:01Z"), false));
  }

  @Test
  void shouldKeepOneFilePerKeyWithTheLatestStateAndNoTempFiles() throws Exception {
    Outbox outbox = new Outbox(dir);
    Instant now = Instant.parse("2026-11-28T10:00:01Z");
    outbox.write(OutboxEntry.submitted(TestAlerts.firing("10.1.2.3"), now));
    Alert resolved = TestAlerts.resolved("10.1.2.3", Instant.parse("2026-11-28T10:10:00Z"));
    outbox.write(OutboxEntry.submitted(resolved, now.plusSeconds(600)));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .matches("[0-9a-f]{64}\\.json");
    }
    assertThat(outbox.load())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.alert()).isEqualTo(resolved);
              assertThat(e.submittedAt()).isEqualTo(now.plusSeconds(600));
            });
  }

  @Test
  void shouldNameFilesByHashSoHostileKeysCannotEscapeTheDirectory() {
    Outbox outbox = new Outbox(dir);
    Path file = outbox.file("domain_not_accepted/../../etc/passwd");
    assertThat(file.getParent()).isEqualTo(dir);
    assertThat(file.getFileName().toString()).doesNotContain("/", "..");
  }

  @Test
  void shouldLoadOldestSubmissionFirst() {
    Outbox outbox = new Outbox(dir);
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    for (int i = 9; i >= 1; i--) {
      outbox.write(OutboxEntry.submitted(TestAlerts.firing("10.0.0." + i), t.plusSeconds(i)));
    }
    assertThat(outbox.load())
        .extracting(e -> e.alert().finding().subject())
        .containsExactly(
            "10.0.0.1",
            "10.0.0.2",
            "10.0.0.3",
            "10.0.0.4",
            "10.0.0.5",
            "10.0.0.6",
            "10.0.0.7",
            "10.0.0.8",
            "10.0.0.9");
  }
}
