package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Start-up validation of {@code relaywatch ship}: every mistake is named before anything runs. */
class ShipCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main(() -> new ByteArrayInputStream(new byte[0])))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void shouldRefuseAStateDirectoryThatCannotBeWritten() {
    int code =
        run(
            "ship",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--file",
            "/var/log/mail.log",
            "--state-dir",
            "/proc/relaywatch-state",
            "--check-config");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "relaywatch ship: ship.stateDir (from flag): '/proc/relaywatch-state' is not valid; expected a writable directory");
  }

  @Test
  void shouldRefuseAStateDirectoryThatIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("state"), "x");

    int code =
        run(
            "ship",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--file",
            "/x",
            "--state-dir",
            file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("expected a directory, but it is a file");
  }

  @Test
  void shouldRequireBootstrapServersNamingTheKeyAndTheVariable() {
    int code = run("ship", "--file", "/x", "--state-dir", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("kafka.bootstrapServers is required")
        .contains("RELAYWATCH_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void shouldRequireASource() {
    int code = run("ship", "--bootstrap-servers", "127.0.0.1:1", "--state-dir", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no source to ship");
  }

  @Test
  void shouldNameAnUnknownKeyInTheConfigFile() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("ship.yml"),
            "kafka:\n  bootstrapServers: b:9092\nship:\n  files: [/x]\n  stateDir: "
                + dir
                + "\n  batchLine: 5\n");

    int code = run("ship", "--config", config.toString(), "--check-config");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown key 'ship.batchLine' in " + config);
  }

  @Test
  void shouldAcceptTheExampleConfigurationShippedInDeploy() {
    int code =
        run(
            "ship",
            "--config",
            "../deploy/config/ship.yml",
            "--state-dir",
            dir.toString(),
            "--check-config");

    assertThat(code).as(err.toString()).isZero();
  }

  @Test
  void shouldAcceptAValidConfigurationWithCheckConfig() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("ship.yml"),
            "kafka:\n  bootstrapServers: b:9092\nship:\n  files: [/var/log/mail.log]\n  stateDir: "
                + dir
                + "\n  batchBytes: 1048576\n");

    int code = run("ship", "--config", config.toString(), "--check-config");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("configuration is valid");
  }
}
