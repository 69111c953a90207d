package io.relaywatch.ingest.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import io.relaywatch.ingest.source.JournaldSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShipConfigJournaldTest {
  @TempDir Path dir;

  private ShipConfig config(Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>();
    flags.put("kafka.bootstrapServers", "localhost:9092");
    flags.put("ship.stateDir", dir.toString());
    flags.putAll(extra);
    return ShipConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  @Test
  void shouldAcceptJournaldIdentifiersAsTheOnlySourceAndSeekTheHeadByDefault() {
    ShipConfig config = config(Map.of("ship.journald.identifiers", "postfix/smtpd,postfix/qmgr"));

    assertThat(config.journald()).isTrue();
    assertThat(config.journaldIdentifiers()).containsExactly("postfix/smtpd", "postfix/qmgr");
    assertThat(config.journaldSeek()).isEqualTo(JournaldSource.Seek.HEAD);
    assertThat(config.journalctl()).isEqualTo("journalctl");
  }

  @Test
  void shouldAcceptTemplatedUnitNamesAndSeekingTheTail() {
    ShipConfig config =
        config(Map.of("ship.journald.units", "postfix@-.service", "ship.journald.seek", "tail"));

    assertThat(config.journaldUnits()).isEqualTo(List.of("postfix@-.service"));
    assertThat(config.journaldSeek()).isEqualTo(JournaldSource.Seek.TAIL);
  }

  @Test
  void shouldRejectAUnitThatJournalctlWouldReadAsAnOption() {
    assertThatThrownBy(() -> config(Map.of("ship.journald.units", "--file=/etc/shadow")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "ship.journald.units: '--file=/etc/shadow' is not valid; expected a systemd unit"
                + " name: 1 to 255 printable ASCII characters without spaces, not starting with"
                + " '-'");
  }

  @Test
  void shouldRejectAnIdentifierWithSpacesOrControlCharacters() {
    assertThatThrownBy(() -> config(Map.of("ship.journald.identifiers", "postfix\u0007smtpd x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "ship.journald.identifiers: 'postfix?smtpd x' is not valid; expected a syslog"
                + " identifier: 1 to 255 printable ASCII characters without spaces, not starting"
                + " with '-'");
  }

  @Test
  void shouldRejectAnOverlongUnit() {
    assertThatThrownBy(() -> config(Map.of("ship.journald.units", "a".repeat(256))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ship.journald.units: 'aaaa");
  }

  @Test
  void shouldRejectAnUnknownSeek() {
    assertThatThrownBy(
            () ->
                config(Map.of("ship.journald.units", "exim4.service", "ship.journald.seek", "end")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "ship.journald.seek: 'end' is not valid; expected head (read what the journal holds)"
                + " or tail (only new entries)");
  }

  @Test
  void shouldRejectJournaldCombinedWithStdin() {
    assertThatThrownBy(
            () ->
                config(Map.of("ship.journald.identifiers", "postfix/smtpd", "ship.stdin", "true")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "ship.stdin cannot be combined with files or journald: run one shipper per input");
  }
}
