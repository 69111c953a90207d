package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.notify.Escape;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The human output of {@code relaywatch diagnose}: findings grouped by severity, critical first,
 * each with its evidence, the commands that confirm it and the fix. Every piece of text is escaped
 * for the terminal, log lines because attackers write them, the rest because it costs nothing.
 */
public final class FindingsText {
  /** Evidence lines are cut here; the full lines are in the log and in {@code --json}. */
  static final int MAX_EVIDENCE_CHARS = 300;

  static final int MAX_TEXT_CHARS = 2_000;

  private FindingsText() {}

  /**
   * Prints the findings (sorted {@link
   * io.relaywatch.alerts.engine.VerdictEngine#MOST_SEVERE_FIRST}) of the diagnosis.
   */
  public static void print(List<Finding> findings, Diagnosis diagnosis, PrintWriter out) {
    out.println(headline(findings, diagnosis));
    if (!diagnosis.coverage().complete()) {
      out.println("Note: " + diagnosis.coverage().describe() + ".");
    }
    for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
      List<Finding> group = findings.stream().filter(f -> f.severity() == severity).toList();
      if (group.isEmpty()) {
        continue;
      }
      out.println();
      out.println(severity.wireName().toUpperCase(Locale.ROOT) + " (" + group.size() + ")");
      group.forEach(finding -> printFinding(finding, out));
    }
    out.flush();
  }

  private static String headline(List<Finding> findings, Diagnosis diagnosis) {
    Diagnosis.Lines lines = diagnosis.lines();
    String read =
        lines.total()
            + " lines read, "
            + lines.events()
            + " recognised, "
            + lines.unparsed()
            + " unparsed";
    if (findings.isEmpty()) {
      return "No findings: nothing in the log points to a known cause (" + read + ").";
    }
    return findings.size() + (findings.size() == 1 ? " finding" : " findings") + " (" + read + ").";
  }

  private static void printFinding(Finding f, PrintWriter out) {
    out.println();
    out.println("  " + f.verdict().wireName() + "  " + text(f.subject()));
    out.println("    " + text(f.summary()));
    out.println(
        "    count "
            + f.count()
            + ", first seen "
            + time(f.firstSeen())
            + ", last seen "
            + time(f.lastSeen()));
    section(out, "evidence:", f.evidence(), MAX_EVIDENCE_CHARS);
    section(out, "to confirm:", f.diagnostics(), MAX_TEXT_CHARS);
    printFix(f.fix(), out);
  }

  private static void printFix(Fix fix, PrintWriter out) {
    out.println("    fix: " + text(fix.summary()));
    part(out, "postfix:", fix.postfix());
    part(out, "exim:", fix.exim());
    part(out, "dovecot:", fix.dovecot() == null ? null : fix.dovecot().lines().toList());
    part(out, "client:", fix.client());
  }

  private static void section(PrintWriter out, String title, List<String> lines, int max) {
    if (lines.isEmpty()) {
      return;
    }
    out.println("    " + title);
    lines.forEach(line -> out.println("      " + safe(line, max)));
  }

  private static void part(PrintWriter out, String title, List<String> lines) {
    if (lines == null || lines.isEmpty()) {
      return;
    }
    out.println("      " + title);
    lines.forEach(line -> out.println("        " + text(line)));
  }

  /** With seconds always, so that times line up ({@code toString} drops ":00"). */
  private static String time(OffsetDateTime at) {
    return at == null ? "-" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
  }

  private static String text(String value) {
    return safe(value, MAX_TEXT_CHARS);
  }

  /** Escaped as every receiver escapes for a terminal, then cut: the whole line is in --json. */
  private static String safe(String value, int max) {
    if (value == null) {
      return "-";
    }
    String cut = value.length() > max ? value.substring(0, max) + "..." : value;
    return Escape.terminal(cut);
  }
}
