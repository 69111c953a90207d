package io.relaywatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.ingest.source.JournaldSource.Options;
import io.relaywatch.ingest.source.JournaldSource.Seek;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournaldSourceTest {
  private static Options options(List<String> units, List<String> identifiers, Seek seek) {
    return new Options(
        "journalctl", units, identifiers, seek, 1024, 100, 1 << 20, ZoneId.of("UTC"));
  }

  @Test
  void shouldFollowEveryConfiguredUnitAndIdentifierFromTheHeadWithoutACheckpoint() {
    List<String> command =
        JournaldSource.command(
            options(
                List.of("postfix@-.service", "exim4.service"), List.of("postfix/smtpd"), Seek.HEAD),
            null);

    assertThat(command)
        .containsExactly(
            "journalctl",
            "--follow",
            "--output=json",
            "--no-pager",
            "--all",
            "--unit=postfix@-.service",
            "--unit=exim4.service",
            "--identifier=postfix/smtpd",
            "--no-tail");
  }

  @Test
  void shouldStartWithNewEntriesOnlyWhenSeekingTheTail() {
    List<String> command =
        JournaldSource.command(options(List.of("postfix.service"), List.of(), Seek.TAIL), null);

    assertThat(command).endsWith("--unit=postfix.service", "--lines=0").doesNotContain("--no-tail");
  }

  @Test
  void shouldResumeAfterTheCursorWithEveryEntryAfterItWhateverTheSeek() {
    List<String> command =
        JournaldSource.command(
            options(List.of("postfix.service"), List.of(), Seek.TAIL), "s=1;i=2");

    assertThat(command).endsWith("--no-tail", "--after-cursor=s=1;i=2").doesNotContain("--lines=0");
  }

  @Test
  void shouldNameTheSourceTheSameWhateverTheOrderOfTheConfiguration() {
    String name =
        JournaldSource.nameOf(List.of("b.service", "a.service"), List.of("postfix/smtpd"));

    assertThat(name)
        .isEqualTo("journald:unit=a.service,unit=b.service,identifier=postfix/smtpd")
        .isEqualTo(
            JournaldSource.nameOf(List.of("a.service", "b.service"), List.of("postfix/smtpd")));
  }
}
