package io.relaywatch.alerts.notify;

import io.relaywatch.events.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * A fix as plain text for a person: the summary, then each part that applies under its own heading.
 * The same text goes into the Alertmanager {@code fix} annotation, the PagerDuty details and the
 * stdout block, so on-call people read one layout everywhere.
 */
final class FixText {
  private FixText() {}

  static String of(Fix fix) {
    List<String> lines = new ArrayList<>();
    lines.add(fix.summary());
    section(lines, "Postfix", fix.postfix());
    section(lines, "Exim", fix.exim());
    if (fix.dovecot() != null) {
      section(lines, "Dovecot", fix.dovecot().lines().toList());
    }
    section(lines, "Client", fix.client());
    return String.join("\n", lines);
  }

  /** The lines of one part joined by newlines, or null when the part does not apply. */
  static String part(List<String> lines) {
    return lines == null || lines.isEmpty() ? null : String.join("\n", lines);
  }

  private static void section(List<String> out, String heading, List<String> lines) {
    if (lines == null || lines.isEmpty()) {
      return;
    }
    out.add("");
    out.add(heading + ":");
    lines.forEach(line -> out.add("  " + line));
  }
}
