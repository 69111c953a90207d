package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code relaywatch kafka} refusing what it cannot use, before any broker starts. */
class KafkaCommandTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void shouldNameTheOptionAndThePathWhenTheDataDirectoryIsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("mail.log"), "x\n");

    int code = run("kafka", "--data-dir", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--data-dir': " + file + ": not a directory")
        .doesNotContain("Exception");
  }

  @Test
  void shouldNameTheOptionAndThePathWhenTheDataDirectoryIsNotWritable() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));

    int code = run("kafka", "--data-dir", readOnly.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'--data-dir': " + readOnly + ": not writable");
  }

  @Test
  void shouldRefuseAPortOutOfRange() {
    int code = run("kafka", "--data-dir", dir.toString(), "--port", "65536");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'--port': 65536 is not a port");
  }

  @Test
  void shouldRequireADataDirectory() {
    int code = run("kafka");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--data-dir");
  }
}
