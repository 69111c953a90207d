package io.relaywatch.cli;

import io.relaywatch.alerts.notify.Escape;

/**
 * Makes log text safe to print on a terminal. Log lines are written by whoever talks to the mail
 * server, so an ESC or CR in a user name must not move the cursor or recolour the screen: control
 * characters and Unicode direction overrides are shown as escapes instead.
 */
final class TerminalText {
  private TerminalText() {}

  /** The text with every control character escaped, cut to {@code max} characters. */
  static String safe(String text, int max) {
    if (text == null) {
      return "-";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
    int i = 0;
    for (; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      if (Escape.unsafeOnTerminal(c)) {
        sb.append(
            c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (i < text.length() || sb.length() > max) {
      sb.setLength(max - 3);
      sb.append("...");
    }
    return sb.toString();
  }
}
