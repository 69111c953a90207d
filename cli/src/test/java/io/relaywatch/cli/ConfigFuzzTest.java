package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated settings files against every role's configuration: whatever the file holds, a role either
 * starts from it or stops with a {@link ConfigException} naming the problem, never another
 * exception. Seeded, so a failure replays; the slowest load is printed.
 */
class ConfigFuzzTest {
  private static final long SEED = 20261128L;
  private static final int ROUNDS = 1500;
  private static final String[] JUNK = {
    "",
    "-1",
    "0",
    "99999999999999999999",
    "1e9",
    "PT-5S",
    "P1Y",
    "abc",
    "[]",
    "{}",
    "null",
    "~",
    "'",
    "\"",
    "!!binary AA==",
    "*anchor",
    "&a x",
    "10.0.0.0/33",
    "::/0",
    "0.0.0.0/0",
    "http://",
    "ftp://x",
    "\u0000",
    "\u202e",
    "$(rm -rf /)",
    "`id`",
    "a;b",
    "\n\n",
    "[1, [2]]",
    "{a: {b: {c: 1}}}",
    "yes",
    "no",
    "on",
    "1s",
    "5m",
    "example.com",
    "[example.com, ''']"
  };

  @TempDir Path dir;

  @Test
  void shouldAcceptOrRefuseEveryMutatedFileWithAConfigErrorOnly() throws IOException {
    List<String> base = Files.readAllLines(Path.of("..", "deploy", "config", "relaywatch.yml"));
    Random random = new Random(SEED);
    List<String> crashes = new ArrayList<>();
    long slowest = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path file = dir.resolve("r" + round + ".yml");
      Files.write(file, mutate(base, random), StandardCharsets.UTF_8);
      long start = System.nanoTime();
      for (int role = 0; role < RoleConfigs.ALL.size(); role++) {
        try {
          RoleConfigs.ALL
              .get(role)
              .accept(Settings.load(file, Map.of(), RoleConfigs.startableFlags(dir)));
        } catch (ConfigException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
          crashes.add(
              "round " + round + " role " + role + ": " + e + "\n" + Files.readString(file));
        }
      }
      slowest = Math.max(slowest, System.nanoTime() - start);
    }
    System.out.printf(
        "relaywatch measured: %d mutated settings files x %d roles, slowest round %.1f ms%n",
        ROUNDS, RoleConfigs.ALL.size(), slowest / 1e6);
    assertThat(crashes).isEmpty();
  }

  private static List<String> mutate(List<String> base, Random random) {
    return SettingsFileEdits.apply(
        base,
        new SettingsFileEdits.Choices() {
          @Override
          public int below(int bound) {
            return random.nextInt(bound);
          }

          @Override
          public String junk() {
            return JUNK[random.nextInt(JUNK.length)];
          }
        });
  }
}
