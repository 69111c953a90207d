package io.relaywatch.alerts.diagnose;

/**
 * Makes text safe to print on a terminal. Evidence lines are written by whoever talks to the mail
 * server, so an ESC or CR in a user name must not move the cursor, recolour the screen or forge a
 * line of output: control characters and Unicode direction overrides are shown as escapes.
 */
final class TerminalEscape {
  private TerminalEscape() {}

  /** The text with every control character escaped, cut to about {@code max} characters. */
  static String safe(String text, int max) {
    if (text == null) {
      return "-";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
    int i = 0;
    for (; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        sb.append(
            c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (i < text.length()) {
      sb.append("...");
    }
    return sb.toString();
  }

  private static boolean isUnsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c
        || c == 0x2028
        || c == 0x2029;
  }
}
