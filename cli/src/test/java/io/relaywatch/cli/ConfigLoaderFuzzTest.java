package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the settings loader and every role's reading of it (Jazzer; {@link
 * ConfigFuzzTest} is the seeded, always-on sibling). A fuzzed input is either a whole YAML file or
 * edits to the shipped example, plus one {@code RELAYWATCH_*} variable: every role either starts
 * from it or stops with a {@link ConfigException} that has a message. Anything else, a hang
 * (libFuzzer's per-input timeout) or an error, is a finding. The slowest load is printed.
 */
class ConfigLoaderFuzzTest {
  private static final List<String> KEYS =
      List.of(
          "kafka.bootstrapServers",
          "ship.files",
          "ship.batchBytes",
          "ship.maxLineBytes",
          "streams.commitInterval",
          "streams.windows",
          "streams.grace",
          "aggregation.topK",
          "alerts.resendInterval",
          "alerts.resolveAfter",
          "alerts.alertmanager.urls",
          "alerts.webhook.url",
          "networks.internal",
          "localDomains",
          "postfix.mynetworks",
          "messages.timeout");
  private static Path dir;
  private static List<String> example;
  private static long slowestNanos;
  private static long inputs;

  @BeforeAll
  static void readExample() throws IOException {
    dir = Files.createTempDirectory("relaywatch-config-fuzz");
    example = Files.readAllLines(Path.of("..", "deploy", "config", "relaywatch.yml"));
  }

  @FuzzTest(maxDuration = "45s")
  // No line breaks in entries: libFuzzer's dictionary format cannot hold them.
  @DictionaryEntries({
    "kafka:",
    "  bootstrapServers: ",
    "ship:",
    "  files: [",
    "streams:",
    "  windows: [1m, 1h]",
    "alerts:",
    "  thresholds:",
    "networks:",
    "  internal: [10.0.0.0/8, ",
    "0.0.0.0/0",
    "::/0",
    "PT5S",
    "1m",
    "-1",
    "99999999999999999999",
    "!!binary ",
    "&a ",
    "*a",
    "<<: *a",
    "[[[[[[[[",
    "{{{{{{{{"
  })
  void shouldStartEveryRoleOrNameTheProblem(FuzzedDataProvider data) throws IOException {
    Map<String, String> env =
        Map.of(Settings.envName(data.pickValue(KEYS)), data.consumeString(40));
    Path file = dir.resolve("fuzzed.yml");
    if (data.consumeBoolean()) {
      Files.writeString(file, data.consumeRemainingAsString(), StandardCharsets.UTF_8);
    } else {
      Files.write(file, edit(example, data), StandardCharsets.UTF_8);
    }
    long start = System.nanoTime();
    for (Consumer<Settings> role : RoleConfigs.ALL) {
      try {
        role.accept(Settings.load(file, env, RoleConfigs.startableFlags(dir)));
      } catch (ConfigException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    record(System.nanoTime() - start);
  }

  @AfterAll
  static void reportSlowestLoad() {
    System.out.printf(
        "relaywatch measured: config fuzzing, %d inputs x %d roles, slowest %.1f ms%n",
        inputs, RoleConfigs.ALL.size(), slowestNanos / 1e6);
  }

  private static synchronized void record(long nanos) {
    inputs++;
    slowestNanos = Math.max(slowestNanos, nanos);
  }

  private static List<String> edit(List<String> base, FuzzedDataProvider data) {
    return SettingsFileEdits.apply(
        base,
        new SettingsFileEdits.Choices() {
          @Override
          public int below(int bound) {
            return data.consumeInt(0, bound - 1);
          }

          @Override
          public String junk() {
            return data.consumeString(60);
          }
        });
  }
}
