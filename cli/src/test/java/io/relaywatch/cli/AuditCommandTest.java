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

/** {@code relaywatch audit}: outputs, settings and exit codes over postconf texts. */
class AuditCommandTest {
  private static final String OPEN =
      "compatibility_level = 3.6\nmyhostname = mx1.example.com\nmynetworks = 0.0.0.0/0\n";
  private static final String SAFE =
      "compatibility_level = 3.6\nmyhostname = mx1.example.com\nmynetworks = 127.0.0.0/8\n";

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

  private String file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  @Test
  void shouldPrintTheFindingAndItsFixAsText() throws IOException {
    assertThat(run("audit", "--postconf", file("postconf.txt", OPEN))).isZero();

    assertThat(out.toString())
        .contains("1 finding in the Postfix configuration")
        .contains("CRITICAL (1)")
        .contains("mynetworks_too_wide  mx1.example.com")
        .contains("postconf -e 'mynetworks = 127.0.0.1/32'")
        .contains("submission service not checked");
  }

  @Test
  void shouldPrintOneJsonArrayOfFindings() throws IOException {
    stdin = new ByteArrayInputStream(OPEN.getBytes(StandardCharsets.UTF_8));

    assertThat(run("audit", "--postconf", "-", "--json")).isZero();

    JsonNode findings = Json.mapper().readTree(out.toString());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).get("verdict").asText()).isEqualTo("mynetworks_too_wide");
    assertThat(findings.get(0).get("clientIp").isNull()).isTrue();
    assertThat(findings.get(0).get("fix").get("postfix").get(0).asText())
        .isEqualTo("postconf -e 'mynetworks = 127.0.0.1/32'");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldExitThreeOnlyForFindingsAtOrAboveFailOn() throws IOException {
    String open = file("open.txt", OPEN);
    String master = file("master.cf", "submission inet n - y - - smtpd\n");

    assertThat(run("audit", "--postconf", open, "--fail-on", "critical")).isEqualTo(3);
    assertThat(run("audit", "--postconf", file("safe.txt", SAFE), "--fail-on", "warning")).isZero();
    assertThat(
            run(
                "audit",
                "--postconf",
                file("safe2.txt", SAFE),
                "--master-cf",
                master,
                "--fail-on",
                "warning"))
        .isEqualTo(3);
  }

  @Test
  void shouldUseNetworksInternalFromTheSettings() throws IOException {
    String site = file("site.yml", "networks:\n  internal: [127.0.0.0/27]\n");

    assertThat(run("audit", "--postconf", file("safe.txt", SAFE), "--config", site, "--json"))
        .isZero();

    assertThat(out.toString()).contains("mynetworks = 127.0.0.0/27");
  }

  @Test
  void shouldExitOneForAnUnreadableFileAndTwoForUsageAndSettingsErrors() throws IOException {
    assertThat(run("audit", "--postconf", dir.resolve("missing").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("relaywatch audit: cannot read");
    assertThat(run("audit")).isEqualTo(2);
    assertThat(run("audit", "--postconf", "x", "--live")).isEqualTo(2);
    assertThat(run("audit", "--postconf", file("a.txt", SAFE), "--config-dir", "/etc/postfix"))
        .isEqualTo(2);
    String bad = file("bad.yml", "networks:\n  internl: [10.0.0.0/8]\n");
    assertThat(run("audit", "--postconf", file("b.txt", SAFE), "--config", bad)).isEqualTo(2);
    assertThat(err.toString()).contains("networks.internl");
  }
}
