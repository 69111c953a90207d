package io.relaywatch.ingest.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredSourcesTest {
  @TempDir Path dir;

  @Test
  void shouldExpandGlobsToLiveFilesLeavingRotatedOnesToTheirTailers() throws IOException {
    for (String name :
        List.of("mail.log", "mail.log.1", "mail.log.2.gz", "mail.err", "mail-in.log", "syslog")) {
      Files.writeString(dir.resolve(name), "x\n");
    }

    List<Path> paths = ConfiguredSources.expand(List.of(dir.resolve("mail*")));

    assertThat(paths)
        .containsExactly(
            dir.resolve("mail-in.log"), dir.resolve("mail.err"), dir.resolve("mail.log"));
  }

  @Test
  void shouldKeepPlainPathsEvenBeforeTheFileExists() throws IOException {
    Path missing = dir.resolve("not-yet.log");

    assertThat(ConfiguredSources.expand(List.of(missing))).containsExactly(missing);
  }

  @Test
  void shouldExpandAGlobInAMissingDirectoryToNothing() throws IOException {
    assertThat(ConfiguredSources.expand(List.of(dir.resolve("nope/*.log")))).isEmpty();
  }
}
