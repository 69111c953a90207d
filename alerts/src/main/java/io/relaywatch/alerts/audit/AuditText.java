package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.diagnose.FindingLayout;
import io.relaywatch.events.Finding;
import java.io.PrintWriter;
import java.util.List;

/**
 * The human output of {@code relaywatch audit}, laid out as {@code relaywatch diagnose}'s: findings
 * grouped by severity, critical first, each with the configuration lines behind it, the commands
 * that confirm it and the fix; then what could not be checked. Configuration text is escaped for
 * the terminal like log text.
 */
public final class AuditText {
  private static final FindingLayout.Style STYLE =
      new FindingLayout.Style("configuration:", FindingLayout.MAX_TEXT_CHARS, false);

  private AuditText() {}

  public static void print(Audit.Report report, String source, PrintWriter out) {
    List<Finding> findings = report.findings();
    if (findings.isEmpty()) {
      out.println(
          "No findings: the Postfix configuration (" + text(source) + ") passed every check.");
    } else {
      out.println(
          findings.size()
              + (findings.size() == 1 ? " finding" : " findings")
              + " in the Postfix configuration ("
              + text(source)
              + ").");
    }
    FindingLayout.printBySeverity(findings, STYLE, out);
    if (!report.notes().isEmpty()) {
      out.println();
      out.println("Not checked or partly checked:");
      report.notes().forEach(n -> out.println("  - " + text(n)));
    }
    out.flush();
  }

  private static String text(String value) {
    return FindingLayout.text(value);
  }
}
