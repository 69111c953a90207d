package io.relaywatch.alerts.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Json;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of {@code relaywatch diagnose --json}, which scripts and CI depend on. */
class FindingsJsonTest {
  private static JsonNode print(List<Finding> findings) throws Exception {
    StringWriter out = new StringWriter();
    FindingsJson.print(findings, new PrintWriter(out));
    return Json.mapper().readTree(out.toString());
  }

  @Test
  void shouldWriteEveryFieldOfAHostFindingWithNullsForWhatIsAbsent() throws Exception {
    Finding backend =
        new Finding(
            Verdict.SASL_BACKEND_UNAVAILABLE,
            Severity.CRITICAL,
            "mx1",
            null,
            "mx1 cannot reach its SASL backend",
            2,
            OffsetDateTime.parse("2026-11-28T12:00:00Z"),
            OffsetDateTime.parse("2026-11-28T12:00:01Z"),
            List.of("warning: SASL: Connect to Dovecot auth socket 'private/auth' failed \"\u001b"),
            List.of("systemctl status dovecot"),
            new Fix(
                "restore the auth socket",
                List.of("postfix reload"),
                null,
                "service auth {}",
                null));

    JsonNode array = print(List.of(backend));

    assertThat(array.isArray()).isTrue();
    JsonNode finding = array.get(0);
    assertThat(finding.fieldNames())
        .toIterable()
        .containsExactly(
            "verdict",
            "severity",
            "subject",
            "clientIp",
            "summary",
            "count",
            "firstSeen",
            "lastSeen",
            "evidence",
            "diagnostics",
            "fix");
    assertThat(finding.path("verdict").asText()).isEqualTo("sasl_backend_unavailable");
    assertThat(finding.path("severity").asText()).isEqualTo("critical");
    assertThat(finding.path("clientIp").isNull()).isTrue();
    assertThat(finding.path("count").asLong()).isEqualTo(2);
    assertThat(finding.path("firstSeen").asText()).isEqualTo("2026-11-28T12:00:00Z");
    assertThat(finding.path("evidence").get(0).asText()).endsWith("failed \"\u001b");
    JsonNode fix = finding.path("fix");
    assertThat(fix.fieldNames())
        .toIterable()
        .containsExactly("summary", "postfix", "exim", "dovecot", "client");
    assertThat(fix.path("exim").isNull()).isTrue();
    assertThat(fix.path("client").isNull()).isTrue();
    assertThat(fix.path("postfix").get(0).asText()).isEqualTo("postfix reload");
  }

  @Test
  void shouldWriteAnEmptyArrayWhenThereAreNoFindings() throws Exception {
    assertThat(print(List.of()).isArray()).isTrue();
    assertThat(print(List.of())).isEmpty();
  }
}
