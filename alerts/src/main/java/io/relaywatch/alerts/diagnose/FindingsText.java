package io.relaywatch.alerts.diagnose;

import io.relaywatch.events.Finding;
import java.io.PrintWriter;
import java.util.List;

/**
 * The human output of {@code relaywatch diagnose}: findings grouped by severity, critical first,
 * each with its evidence, the commands that confirm it and the fix. Every piece of text is escaped
 * for the terminal, log lines because attackers write them, the rest because it costs nothing.
 */
public final class FindingsText {
  /** Evidence lines are cut here; the full lines are in the log and in {@code --json}. */
  static final int MAX_EVIDENCE_CHARS = 300;

  private static final FindingLayout.Style STYLE =
      new FindingLayout.Style("evidence:", MAX_EVIDENCE_CHARS, true);

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
    FindingLayout.printBySeverity(findings, STYLE, out);
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
}
