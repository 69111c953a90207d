package io.relaywatch.alerts.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The human output: grouped by severity, critical first, attacker text defused. */
class FindingsTextTest {
  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-03T10:00:00Z");
  private static final Diagnosis EMPTY =
      new Diagnosis(
          List.of(),
          List.of(),
          List.of(),
          new Diagnosis.Lines(89, 60, 0),
          new Diagnosis.Coverage(0, 0, 0, 0, 0, 0, false));

  private static Finding finding(Verdict verdict, Severity severity, String subject, long count) {
    return new Finding(
        verdict,
        severity,
        subject,
        verdict.subject() == Verdict.Subject.CLIENT ? subject : null,
        "summary of " + verdict.wireName(),
        count,
        AT,
        AT.plusMinutes(5),
        List.of(
            "Nov  3 10:00:00 mx1 postfix/smtpd[1]: warning: unknown[" + subject + "]: \u001b[2J"),
        List.of("postconf mynetworks"),
        new Fix(
            "do this",
            List.of("postconf -e 'mynetworks = 127.0.0.0/8 10.0.0.5/32'", "postfix check"),
            null,
            "service auth {\n  unix_listener /var/spool/postfix/private/auth {\n  }\n}",
            null));
  }

  private static String print(List<Finding> findings, Diagnosis diagnosis) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(VerdictEngine.MOST_SEVERE_FIRST);
    StringWriter out = new StringWriter();
    FindingsText.print(sorted, diagnosis, new PrintWriter(out));
    return out.toString();
  }

  @Test
  void shouldGroupFindingsBySeverityCriticalFirst() {
    String text =
        print(
            List.of(
                finding(Verdict.CLIENT_NOT_AUTHENTICATING, Severity.WARNING, "192.0.2.20", 1),
                finding(Verdict.SASL_BACKEND_UNAVAILABLE, Severity.CRITICAL, "mx1", 2),
                finding(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS, Severity.WARNING, "10.0.0.5", 7)),
            EMPTY);

    assertThat(text).startsWith("3 findings (89 lines read, 60 recognised, 0 unparsed).");
    assertThat(text.indexOf("CRITICAL (1)")).isLessThan(text.indexOf("WARNING (2)"));
    assertThat(text.indexOf("trusted_sender_not_in_mynetworks  10.0.0.5"))
        .as("most counted first within a severity")
        .isLessThan(text.indexOf("client_not_authenticating  192.0.2.20"));
    assertThat(text).doesNotContain("INFO");
  }

  @Test
  void shouldPrintEveryPartOfAFindingAndLeaveOutAbsentFixParts() {
    String text =
        print(
            List.of(finding(Verdict.SASL_BACKEND_UNAVAILABLE, Severity.CRITICAL, "mx1", 2)), EMPTY);

    assertThat(text)
        .contains("    summary of sasl_backend_unavailable\n")
        .contains("    count 2, first seen 2026-11-03T10:00:00Z, last seen 2026-11-03T10:05:00Z\n")
        .contains("    to confirm:\n      postconf mynetworks\n")
        .contains("    fix: do this\n")
        .contains("      postfix:\n        postconf -e 'mynetworks = 127.0.0.0/8 10.0.0.5/32'\n")
        .contains("      dovecot:\n        service auth {\n          unix_listener")
        .doesNotContain("exim:")
        .doesNotContain("client:");
  }

  @Test
  void shouldEscapeControlCharactersOfLogText() {
    String text =
        print(
            List.of(finding(Verdict.OPEN_RELAY_PROBE, Severity.CRITICAL, "203.0.113.5", 1)), EMPTY);

    assertThat(text).doesNotContain("\u001b").contains("\\x1b[2J");
  }

  @Test
  void shouldSayWhenThereIsNothingToReportAndWhenTheDiagnosisIsPartial() {
    Diagnosis partial =
        new Diagnosis(
            List.of(),
            List.of(),
            List.of(),
            new Diagnosis.Lines(10, 5, 1),
            new Diagnosis.Coverage(3, 9, 0, 0, 0, 0, false));

    assertThat(print(List.of(), partial))
        .startsWith("No findings: nothing in the log points to a known cause (10 lines read")
        .contains(
            "Note: partial diagnosis, the log exceeded the memory bounds: 3 clients (9 events) dropped.");
  }
}
