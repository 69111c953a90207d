package io.relaywatch.alerts.notify;

import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.Finding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints one block per alert state for a person watching the service's output. Every line is
 * escaped with {@link Escape#terminal}: evidence is raw log text, and a log line must not be able
 * to recolour the terminal or forge lines of the block.
 */
public final class StdoutReceiver implements Receiver {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD_RED = "\u001b[1;31m";
  private static final String BOLD_YELLOW = "\u001b[1;33m";
  private static final String BOLD_CYAN = "\u001b[1;36m";
  private static final String BOLD_GREEN = "\u001b[1;32m";
  private static final String GREEN = "\u001b[32m";

  private final PrintStream out;
  private final Runbooks runbooks;
  private final boolean colour;

  /**
   * @param colour whether to colour the heading and the fix; only relaywatch's own words are
   *     coloured, after escaping, so log text still cannot emit escape sequences
   */
  StdoutReceiver(PrintStream out, Runbooks runbooks, boolean colour) {
    this.out = out;
    this.runbooks = runbooks;
    this.colour = colour;
  }

  StdoutReceiver(PrintStream out, Runbooks runbooks) {
    this(out, runbooks, false);
  }

  private String paint(String style, String text) {
    return colour ? style + text + RESET : text;
  }

  private static String headingStyle(Alert alert) {
    if (alert.status() != AlertStatus.FIRING) {
      return BOLD_GREEN;
    }
    return switch (alert.finding().severity()) {
      case CRITICAL -> BOLD_RED;
      case WARNING -> BOLD_YELLOW;
      case INFO -> BOLD_CYAN;
    };
  }

  @Override
  public String name() {
    return "stdout";
  }

  @Override
  public Delivery deliver(Alert alert) {
    String block = String.join(System.lineSeparator(), lines(alert)) + System.lineSeparator();
    synchronized (out) {
      out.print(block);
      out.flush();
      if (out.checkError()) {
        return Delivery.retryable("stdout write failed");
      }
    }
    return Delivery.delivered();
  }

  List<String> lines(Alert alert) {
    Finding f = alert.finding();
    List<String> lines = new ArrayList<>();
    String state = alert.status() == AlertStatus.FIRING ? "FIRING" : "RESOLVED";
    lines.add(
        paint(
            headingStyle(alert),
            "relaywatch "
                + state
                + " "
                + f.severity().wireName()
                + " "
                + f.verdict().wireName()
                + " "
                + Escape.terminal(f.subject())));
    lines.add("  summary: " + Escape.terminal(f.summary()));
    lines.add("  seen:    " + Escape.terminal(AlertmanagerReceiver.seen(f)));
    lines.add(
        "  alert:   since "
            + alert.startsAt()
            + (alert.status() == AlertStatus.FIRING ? ", until " : ", resolved ")
            + alert.endsAt());
    lines.add("  fix:");
    FixText.of(f.fix())
        .lines()
        .forEach(line -> lines.add("    " + paint(GREEN, Escape.terminal(line))));
    block(lines, "diagnostics", f.diagnostics());
    block(lines, "evidence", f.evidence());
    lines.add("  runbook: " + Escape.terminal(runbooks.url(f.verdict())));
    return lines;
  }

  private static void block(List<String> out, String heading, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.add("  " + heading + ":");
    items.forEach(item -> out.add("    " + Escape.terminal(item)));
  }
}
