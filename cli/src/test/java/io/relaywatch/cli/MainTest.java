package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  static final String RELAY_DENIAL =
      "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]:"
          + " 554 5.7.1 <a@b.example>: Relay access denied; from=<x@example.net> to=<a@b.example>"
          + " proto=ESMTP helo=<probe>";
  static final String ORDINARY =
      "Nov  3 10:33:28 mx1 postfix/anvil[99]: statistics: max cache size 1 at Nov  3 10:33:28";
  static final String REFERENCE = "--reference-time=2026-11-10T00:00:00Z";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private InputStream stdin = new ByteArrayInputStream(new byte[0]);

  private int run(String... args) {
    return new CommandLine(new Main(() -> stdin))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private Path log(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private List<JsonNode> jsonLines() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isEmpty()) {
        nodes.add(Json.mapper().readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void shouldPrintOneJsonEventPerRecognisedLine() throws IOException {
    Path file = log("mail.log", RELAY_DENIAL, ORDINARY);

    assertThat(run("parse", REFERENCE, file.toString())).isZero();

    assertThat(jsonLines())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("type").asText()).isEqualTo("reject");
              assertThat(e.path("clientIp").asText()).isEqualTo("192.0.2.7");
              assertThat(e.path("reason").asText()).isEqualTo("relay_denied");
              assertThat(e.path("timestamp").asText()).startsWith("2026-11-03T10:33:27");
            });
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldPrintUnparsedLinesOnlyWhenAsked() throws IOException {
    String tooLong = "Nov  3 10:33:29 mx1 postfix/smtpd[1]: reject: " + "x".repeat(200_000);
    Path file = log("mail.log", ORDINARY, tooLong);

    assertThat(run("parse", REFERENCE, file.toString())).isZero();
    assertThat(out.toString()).isEmpty();

    assertThat(run("parse", "--include-unparsed", REFERENCE, file.toString())).isZero();
    assertThat(jsonLines())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.path("type").asText()).isEqualTo("unparsed");
              assertThat(u.path("reason").asText()).isEqualTo("too long");
              assertThat(u.path("raw").asText()).startsWith("Nov  3 10:33:29 mx1");
            });
  }

  @Test
  void shouldReadGzipByContentNotByName() throws IOException {
    Path file = dir.resolve("rotated.log");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write((RELAY_DENIAL + "\n" + ORDINARY + "\n").getBytes(StandardCharsets.UTF_8));
    }

    assertThat(run("parse", REFERENCE, file.toString())).isZero();

    assertThat(jsonLines())
        .extracting(e -> e.path("clientIp").asText())
        .containsExactly("192.0.2.7");
  }

  @Test
  void shouldReadStandardInputForDashAndForNoFile() throws IOException {
    stdin = new ByteArrayInputStream((RELAY_DENIAL + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(run("parse", REFERENCE, "-")).isZero();
    assertThat(jsonLines()).hasSize(1);

    stdin = new ByteArrayInputStream((RELAY_DENIAL + "\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(run("parse", REFERENCE)).isZero();
    assertThat(jsonLines()).hasSize(2);
  }

  @Test
  void shouldReplaceInvalidUtf8RatherThanDropTheLine() throws IOException {
    byte[] bad = {(byte) 0xff, (byte) 0xfe};
    Path file = dir.resolve("bad.log");
    Files.write(file, (RELAY_DENIAL + " ").getBytes(StandardCharsets.UTF_8));
    Files.write(file, bad, java.nio.file.StandardOpenOption.APPEND);

    assertThat(run("parse", REFERENCE, file.toString())).isZero();

    assertThat(jsonLines())
        .singleElement()
        .satisfies(e -> assertThat(e.path("raw").asText()).endsWith("helo=<probe> \uFFFD\uFFFD"));
  }

  @Test
  void shouldReportRelayDenialsAsATable() throws IOException {
    Path file = log("mail.log", RELAY_DENIAL, RELAY_DENIAL, ORDINARY);

    assertThat(run("report", REFERENCE, "--zone=UTC", file.toString())).isZero();

    assertThat(out.toString())
        .contains("Summary")
        .containsPattern("lines read +3")
        .containsPattern("relay_denied +2")
        .containsPattern("192\\.0\\.2\\.7 +2 +1 +2026-11-03 10:33:27 \\+00:00 .* external");
  }

  @Test
  void shouldReportAsJsonWhenAsked() throws IOException {
    Path file = log("mail.log", RELAY_DENIAL, ORDINARY);

    assertThat(run("report", "--json", "--top=5", REFERENCE, file.toString())).isZero();

    JsonNode report = Json.mapper().readTree(out.toString());
    assertThat(report.path("totalLines").asLong()).isEqualTo(2);
    assertThat(report.path("relayDenials").path("top").path(0).path("clientIp").asText())
        .isEqualTo("192.0.2.7");
  }

  @Test
  void shouldExitOneNamingAMissingFile() throws IOException {
    Path file = log("mail.log", RELAY_DENIAL);
    String missing = dir.resolve("missing.log").toString();

    assertThat(run("report", file.toString(), missing)).isEqualTo(1);

    assertThat(err.toString().strip())
        .isEqualTo("relaywatch: cannot read " + missing + ": No such file or directory");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldExitOneForADirectory() {
    assertThat(run("parse", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("cannot read " + dir + ": Is a directory");
  }

  @Test
  void shouldExitOneForACorruptGzip() throws IOException {
    Path file = dir.resolve("broken.gz");
    Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});

    assertThat(run("parse", file.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("relaywatch: cannot read " + file + ": ");
  }

  @Test
  void shouldExitTwoNamingABadZone() {
    assertThat(run("parse", "--zone", "Mars/Olympus", "-")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--zone': 'Mars/Olympus' is not a time zone")
        .doesNotContain("Exception");
  }

  @Test
  void shouldExitTwoNamingABadReferenceTime() {
    assertThat(run("report", "--reference-time", "yesterday")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--reference-time': 'yesterday' is not a time")
        .doesNotContain("Exception");
  }

  @Test
  void shouldExitTwoForUnknownOptionsCommandsAndNegativeTop() {
    assertThat(run("parse", "--frobnicate")).isEqualTo(2);
    assertThat(run("bogus")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown option: '--frobnicate'")
        .contains("Missing command");
    assertThat(run("report", "--top=-1")).isEqualTo(2);
    assertThat(err.toString()).contains("'--top': -1 is negative");
  }

  @Test
  void shouldPrintVersionAndHelp() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("relaywatch ");
    assertThat(run("report", "--help")).isZero();
    assertThat(out.toString()).contains("--top=N");
  }
}
