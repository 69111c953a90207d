package io.relaywatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals that happen before any broker starts. */
class EmbeddedKafkaTest {
  @Test
  void shouldRefuseADataDirectoryThatIsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("mail.log"), "not a directory\n");

    assertThatThrownBy(() -> new EmbeddedKafka(file, 0).start())
        .isInstanceOf(DataDirectoryException.class)
        .hasMessage(file + ": not a directory");
  }

  @Test
  void shouldRefuseAPortOutOfRange(@TempDir Path dir) {
    assertThatThrownBy(() -> new EmbeddedKafka(dir, 70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }

  @Test
  void shouldExitWithAUsageErrorWithoutADataDirectory() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        EmbeddedKafkaMain.run(
            new String[] {"--port", "9092"}, System.out, new PrintStream(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing option: --data-dir");
  }

  @Test
  void shouldExitWithAUsageErrorForAPortThatIsNotANumber(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        EmbeddedKafkaMain.run(
            new String[] {"--data-dir", dir.toString(), "--port", "ninety"},
            System.out,
            new PrintStream(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("invalid value for option --port: ninety");
  }

  @Test
  void shouldExitWithOneNamingTheDirectoryWhenItIsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        EmbeddedKafkaMain.run(
            new String[] {"--data-dir", file.toString()}, System.out, new PrintStream(err, true));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("invalid --data-dir " + file + ": not a directory");
  }
}
