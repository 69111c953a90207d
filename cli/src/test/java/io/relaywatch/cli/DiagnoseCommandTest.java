package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code relaywatch diagnose}: its outputs, settings and exit codes. */
class DiagnoseCommandTest {
  static final String REFERENCE = "--reference-time=2026-11-10T00:00:00Z";
  static final String[] APP_DENIED = {
    "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[10.0.0.5]:"
        + " 554 5.7.1 <a@gmail.example>: Relay access denied; from=<app@example.com>"
        + " to=<a@gmail.example> proto=ESMTP helo=<app01>",
    "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: disconnect from unknown[10.0.0.5] ehlo=1 mail=1"
        + " rcpt=0/1 quit=1 commands=3/4"
  };

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

  private Path file(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  @Test
  void shouldPrintOneJsonArrayAndNothingElse() throws IOException {
    Path log = file("mail.log", APP_DENIED);

    assertThat(run("diagnose", "--json", "--zone=UTC", REFERENCE, log.toString())).isZero();

    JsonNode findings = Json.mapper().readTree(out.toString());
    assertThat(findings.isArray()).isTrue();
    findings.forEach(
        f -> assertThat(f.has("verdict") && f.has("severity") && f.has("fix")).isTrue());
    assertThat(err.toString()).isEmpty();
  }

  private Path site() throws IOException {
    return file(
        "site.yml",
        "networks:",
        "  internal: [10.0.0.0/8]",
        "localDomains: [example.com]",
        "postfix:",
        "  mynetworks: 127.0.0.0/8",
        "mta: postfix");
  }

  @Test
  void shouldProposeTheMynetworksEntryOfAnInternalApplicationInJson() throws IOException {
    Path log = file("mail.log", APP_DENIED);

    int code =
        run(
            "diagnose",
            "--json",
            "--zone=UTC",
            REFERENCE,
            "--config",
            site().toString(),
            log.toString());

    assertThat(code).isZero();
    JsonNode finding = Json.mapper().readTree(out.toString()).get(0);
    assertThat(finding.path("verdict").asText()).isEqualTo("trusted_sender_not_in_mynetworks");
    assertThat(finding.path("clientIp").asText()).isEqualTo("10.0.0.5");
    assertThat(finding.path("count").asLong()).isEqualTo(1);
    assertThat(finding.path("firstSeen").asText()).isEqualTo("2026-11-03T10:33:27Z");
    assertThat(finding.path("evidence").get(0).asText()).isEqualTo(APP_DENIED[0]);
    assertThat(finding.path("fix").path("postfix").toString())
        .contains("postconf -e 'mynetworks = 127.0.0.0/8 10.0.0.5/32'");
    assertThat(finding.path("fix").path("exim").isNull()).isTrue();
  }

  @Test
  void shouldPrintTheFindingForAPersonAndFailOnItWhenAsked() throws IOException {
    Path log = file("mail.log", APP_DENIED);

    int code =
        run(
            "diagnose",
            "--fail-on",
            "warning",
            "--zone=UTC",
            REFERENCE,
            "--config",
            site().toString(),
            log.toString());

    assertThat(code).isEqualTo(DiagnoseCommand.FAIL_ON_EXIT);
    assertThat(out.toString())
        .startsWith("1 finding (2 lines read")
        .contains("WARNING (1)")
        .contains("trusted_sender_not_in_mynetworks  10.0.0.5")
        .contains("postconf -e 'mynetworks = 127.0.0.0/8 10.0.0.5/32'");
  }

  @Test
  void shouldNotFailOnFindingsLessSevereThanAsked() throws IOException {
    Path log = file("mail.log", APP_DENIED);

    assertThat(
            run(
                "diagnose",
                "--fail-on",
                "critical",
                REFERENCE,
                "--config",
                site().toString(),
                log.toString()))
        .isZero();
    assertThat(
            run(
                "diagnose",
                "--min-count",
                "2",
                "--fail-on",
                "info",
                REFERENCE,
                "--config",
                site().toString(),
                log.toString()))
        .as("one denial is below --min-count 2")
        .isZero();
  }

  @Test
  void shouldReadStandardInputAndSayHowMuchItRead() {
    stdin =
        new ByteArrayInputStream(
            (String.join("\n", APP_DENIED) + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(run("diagnose", "--zone=UTC", REFERENCE, "-")).isZero();

    assertThat(out.toString()).contains("2 lines read, 2 recognised, 0 unparsed");
  }

  @Test
  void shouldRefuseAnUnknownSettingNamingTheKey() throws IOException {
    Path config =
        file("site.yml", "localDomains: [example.com]", "networks:", "  internl: [10.0.0.0/8]");
    Path log = file("mail.log", APP_DENIED);

    assertThat(run("diagnose", "--config", config.toString(), log.toString())).isEqualTo(2);

    assertThat(err.toString())
        .startsWith("relaywatch diagnose: unknown key 'networks.internl' in " + config)
        .contains("localDomains");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldAcceptTheOneSettingsFileOfEveryRole() throws IOException {
    Path config =
        file(
            "relaywatch.yml",
            "kafka:",
            "  bootstrapServers: kafka:9092",
            "networks:",
            "  internal: [10.0.0.0/8]",
            "localDomains: [example.com]",
            "postfix:",
            "  mynetworks: 127.0.0.0/8",
            "mta: postfix",
            "sessions:",
            "  timeout: 5m",
            "alerts:",
            "  alertmanager:",
            "    urls: [http://alertmanager:9093]");
    Path log = file("mail.log", APP_DENIED);

    assertThat(run("diagnose", "--config", config.toString(), REFERENCE, log.toString())).isZero();

    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).contains("2 lines read");
  }

  @Test
  void shouldRefuseABadSettingValueNamingTheKeyAndWhatIsExpected() throws IOException {
    Path config = file("site.yml", "mta: sendmail");

    assertThat(run("diagnose", "--config", config.toString(), "-")).isEqualTo(2);

    assertThat(err.toString()).contains("mta: 'sendmail' is not valid; expected postfix or exim");
  }

  @Test
  void shouldFailWithOneWhenAnInputIsMissing() throws IOException {
    Path log = file("mail.log", APP_DENIED);

    int code = run("diagnose", log.toString(), dir.resolve("missing.log").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("cannot read " + dir.resolve("missing.log") + ": No such file or directory");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldRefuseAMinimumCountBelowOne() {
    assertThat(run("diagnose", "--min-count", "0", "-")).isEqualTo(2);
    assertThat(err.toString()).contains("--min-count").contains("0 is below 1");
  }

  @Test
  void shouldRefuseAnUnknownSeverity() {
    assertThat(run("diagnose", "--fail-on", "urgent", "-")).isEqualTo(2);
    assertThat(err.toString()).contains("'urgent' is not a severity");
  }

  @Test
  void shouldListDiagnoseAmongTheCommands() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("diagnose");
  }
}
