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
 * How findings are laid out for a person, shared by {@code relaywatch diagnose} and {@code
 * relaywatch audit}: grouped by severity, critical first, each with what backs it, the commands
 * that confirm it and the fix. Every piece of text is escaped for the terminal, log and
 * configuration text because others write it, the rest because it costs nothing.
 */
public final class FindingLayout {
  /** Text beyond this is cut; the whole of it is in {@code --json}. */
  public static final int MAX_TEXT_CHARS = 2_000;

  /**
   * What differs between the outputs.
   *
   * @param evidenceTitle the heading of the lines behind a finding
   * @param evidenceMax where those lines are cut
   * @param counts whether to print the count and the first and last time seen
   */
  public record Style(String evidenceTitle, int evidenceMax, boolean counts) {}

  private FindingLayout() {}

  /** Prints the findings, already sorted, in severity groups. */
  public static void printBySeverity(List<Finding> findings, Style style, PrintWriter out) {
    for (Severity severity : List.of(Severity.CRITICAL, Severity.WARNING, Severity.INFO)) {
      List<Finding> group = findings.stream().filter(f -> f.severity() == severity).toList();
      if (group.isEmpty()) {
        continue;
      }
      out.println();
      out.println(severity.wireName().toUpperCase(Locale.ROOT) + " (" + group.size() + ")");
      group.forEach(finding -> printFinding(finding, style, out));
    }
  }

  private static void printFinding(Finding f, Style style, PrintWriter out) {
    out.println();
    out.println("  " + f.verdict().wireName() + "  " + text(f.subject()));
    out.println("    " + text(f.summary()));
    if (style.counts()) {
      out.println(
          "    count "
              + f.count()
              + ", first seen "
              + time(f.firstSeen())
              + ", last seen "
              + time(f.lastSeen()));
    }
    section(out, style.evidenceTitle(), f.evidence(), style.evidenceMax());
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

  /** The text escaped for the terminal and cut at {@link #MAX_TEXT_CHARS}. */
  public static String text(String value) {
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
