package io.relaywatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("ship.yml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void shouldLetFlagsBeatEnvironmentAndEnvironmentBeatTheFile() throws IOException {
    Path file = yaml("ship:\n  topic: from-file\n  host: file-host\n  batchLines: 10\n");
    Settings s =
        Settings.load(
            file,
            Map.of("RELAYWATCH_SHIP_HOST", "env-host", "RELAYWATCH_SHIP_BATCH_LINES", "20"),
            Map.of("ship.batchLines", "30"));

    assertThat(s.string("ship.topic", null)).isEqualTo("from-file");
    assertThat(s.string("ship.host", null)).isEqualTo("env-host");
    assertThat(s.intValue("ship.batchLines", 1, 1, 100)).isEqualTo(30);
  }

  @Test
  void shouldNameKeyOriginValueAndExpectationOfABadValue() throws IOException {
    Settings s = Settings.load(yaml("ship:\n  batchLines: zero\n"), Map.of(), Map.of());

    assertThatThrownBy(() -> s.intValue("ship.batchLines", 1, 1, 100))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "ship.batchLines (from "
                + dir.resolve("ship.yml")
                + "): 'zero' is not valid; expected an integer from 1 to 100");
  }

  @Test
  void shouldNameTheEnvironmentVariableAValueCameFrom() {
    Settings s = Settings.load(null, Map.of("RELAYWATCH_SHIP_LINGER", "soon"), Map.of());

    assertThatThrownBy(() -> s.duration("ship.linger", Duration.ZERO))
        .hasMessage(
            "ship.linger (from RELAYWATCH_SHIP_LINGER): 'soon' is not valid; expected a duration such as 500ms, 5s, 2m, 1h or PT5S");
  }

  @Test
  void shouldRejectAnUnknownKeyInTheFile() throws IOException {
    Settings s = Settings.load(yaml("ship:\n  topic: t\n  tpoic: typo\n"), Map.of(), Map.of());
    s.string("ship.topic", null);

    assertThatThrownBy(s::rejectUnknownKeys)
        .hasMessage(
            "unknown key 'ship.tpoic' in " + dir.resolve("ship.yml") + "; known keys: ship.topic");
  }

  @Test
  void shouldLeaveKeysOfSectionsOnlyOtherRolesReadToThem() throws IOException {
    Settings s =
        Settings.load(
            yaml(
                "ship:\n  topic: t\nalerts:\n  resendInterval: 1m\nnetworks:\n  internal: [10.0.0.0/8]\n"),
            Map.of(),
            Map.of());
    s.string("ship.topic", null);

    s.rejectUnknownKeys();
  }

  @Test
  void shouldRejectAKeyOfASectionNoRoleHas() throws IOException {
    Settings s =
        Settings.load(yaml("ship:\n  topic: t\nshipp:\n  topic: typo\n"), Map.of(), Map.of());
    s.string("ship.topic", null);

    assertThatThrownBy(s::rejectUnknownKeys).hasMessageStartingWith("unknown key 'shipp.topic'");
  }

  @Test
  void shouldSayWhenTheFileIsNotYaml() throws IOException {
    Path file = yaml("ship: [unclosed\n");

    assertThatThrownBy(() -> Settings.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config file " + file + " is not valid YAML: ");
  }

  @Test
  void shouldSayWhenTheFileIsMissing() {
    Path file = dir.resolve("nope.yml");

    assertThatThrownBy(() -> Settings.load(file, Map.of(), Map.of()))
        .hasMessage("config file " + file + " does not exist or is not a file");
  }

  @Test
  void shouldRequireRequiredKeysNamingTheEnvironmentVariable() {
    Settings s = Settings.load(null, Map.of(), Map.of());

    assertThatThrownBy(() -> s.requiredString("kafka.bootstrapServers", "host:port"))
        .hasMessage(
            "kafka.bootstrapServers is required; expected host:port (set it in the file, RELAYWATCH_KAFKA_BOOTSTRAP_SERVERS, or the matching flag)");
  }

  @Test
  void shouldReadListsFromYamlSequencesAndCommaSeparatedText() throws IOException {
    Settings fromFile = Settings.load(yaml("files:\n  - /a\n  - /b\n"), Map.of(), Map.of());
    Settings fromEnv = Settings.load(null, Map.of("RELAYWATCH_FILES", "/a, /b"), Map.of());

    assertThat(fromFile.list("files", List.of())).containsExactly("/a", "/b");
    assertThat(fromEnv.list("files", List.of())).containsExactly("/a", "/b");
  }

  @Test
  void shouldRefuseAStateDirectoryThatIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("state"), "x");
    Settings s = Settings.load(null, Map.of(), Map.of("ship.stateDir", file.toString()));

    assertThatThrownBy(() -> s.writableDirectory("ship.stateDir", null))
        .hasMessage(
            "ship.stateDir (from flag): '"
                + file
                + "' is not valid; expected a directory, but it is a file");
  }

  @Test
  void shouldReadDurationsWithUnits() {
    Settings s = Settings.load(null, Map.of(), Map.of("a", "500ms", "b", "2m", "c", "PT3S"));

    assertThat(s.duration("a", null)).isEqualTo(Duration.ofMillis(500));
    assertThat(s.duration("b", null)).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.duration("c", null)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldNameTheKeyOfADurationTooLongForADuration() {
    // Found by ConfigLoaderFuzzTest: the minutes fit a long, their seconds do not.
    Settings s =
        Settings.load(null, Map.of(), Map.of("streams.commitInterval", "333333333333333333m"));

    assertThatThrownBy(() -> s.duration("streams.commitInterval", null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "streams.commitInterval (from flag): '333333333333333333m' is not valid; expected a"
                + " duration such as 500ms, 5s, 2m, 1h or PT5S");
  }

  @Test
  void shouldDeriveEnvironmentNamesFromKeys() {
    assertThat(Settings.envName("ship.batchLines")).isEqualTo("RELAYWATCH_SHIP_BATCH_LINES");
    assertThat(Settings.envName("kafka.bootstrapServers"))
        .isEqualTo("RELAYWATCH_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void shouldPassKafkaEnvironmentVariablesThroughAsClientProperties() {
    assertThat(
            KafkaEnvironment.clientProperties(
                Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    "b:9092",
                    "KAFKA_SASL_JAAS_CONFIG",
                    "x",
                    "PATH",
                    "/bin")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("bootstrap.servers", "b:9092", "sasl.jaas.config", "x"));
  }
}
