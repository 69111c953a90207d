package io.relaywatch.alerts.audit;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;

/**
 * Builds the findings of {@code relaywatch audit}: about the audited mail host, with no times (the
 * configuration is not a log), the offending configuration lines as evidence, and a fix whose every
 * {@code postconf} command splits into plain arguments ({@link Argv}) or is refused here.
 */
final class AuditFinding {

  private AuditFinding() {}

  /** A finding; {@code count} is how many entries or services are at fault. */
  static Finding of(
      Verdict verdict,
      Severity severity,
      String host,
      String summary,
      int count,
      List<String> evidence,
      List<String> diagnostics,
      Fix fix) {
    if (fix.postfix() != null) {
      fix.postfix().forEach(AuditFinding::checkCommand);
    }
    return new Finding(
        verdict, severity, host, null, summary, count, null, null, evidence, diagnostics, fix);
  }

  static Fix postfixFix(String summary, List<String> postfix) {
    return new Fix(summary, postfix, null, null, null);
  }

  private static void checkCommand(String line) {
    if (line.startsWith("postconf ") && Argv.split(line).isEmpty()) {
      throw new IllegalStateException("refusing to propose a command that is not plain: " + line);
    }
  }
}
