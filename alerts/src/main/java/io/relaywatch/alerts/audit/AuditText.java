package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.notify.Escape;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The human output of {@code relaywatch audit}, laid out as {@code relaywatch diagnose}'s: findings
 * grouped by severity, critical first, each with the configuration lines behind it, the commands
 * that confirm it and the fix; then what could not be checked. Configuration text is escaped for
 * the terminal like log text.
 */
public final class AuditText {
  private static final int MAX_CHARS = 2_000;

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
    for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
      List<Finding> group = findings.stream().filter(f -> f.severity() == severity).toList();
      if (!group.isEmpty()) {
        out.println();
        out.println(severity.wireName().toUpperCase(Locale.ROOT) + " (" + group.size() + ")");
        group.forEach(f -> printFinding(f, out));
      }
    }
    if (!report.notes().isEmpty()) {
      out.println();
      out.println("Not checked or partly checked:");
      report.notes().forEach(n -> out.println("  - " + text(n)));
    }
    out.flush();
  }

  private static void printFinding(Finding f, PrintWriter out) {
    out.println();
    out.println("  " + f.verdict().wireName() + "  " + text(f.subject()));
    out.println("    " + text(f.summary()));
    section(out, "configuration:", f.evidence());
    section(out, "to confirm:", f.diagnostics());
    Fix fix = f.fix();
    out.println("    fix: " + text(fix.summary()));
    part(out, "postfix:", fix.postfix());
    part(out, "dovecot:", fix.dovecot() == null ? null : fix.dovecot().lines().toList());
  }

  private static void section(PrintWriter out, String title, List<String> lines) {
    if (!lines.isEmpty()) {
      out.println("    " + title);
      lines.forEach(line -> out.println("      " + text(line)));
    }
  }

  private static void part(PrintWriter out, String title, List<String> lines) {
    if (lines != null && !lines.isEmpty()) {
      out.println("      " + title);
      lines.forEach(line -> out.println("        " + text(line)));
    }
  }

  private static String text(String value) {
    String cut = value.length() > MAX_CHARS ? value.substring(0, MAX_CHARS) + "..." : value;
    return Escape.terminal(cut);
  }
}
