package io.relaywatch.alerts.notify;

/**
 * Escapes attacker-controlled text (raw log lines, HELO names, senders) for the media receivers
 * show it in. JSON needs no helper here: every JSON payload is written by Jackson.
 */
public final class Escape {
  private static final String MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~&";

  private Escape() {}

  /**
   * Text safe to print on a terminal, on one line: control characters (C0, DEL, C1, so also the ESC
   * of an ANSI sequence), line breaks and bidirectional overrides become visible escapes such as
   * {@code \x1b} or {@code \n} (bidi overrides such as U+202E as a backslash-u escape), so a log
   * line can neither move the cursor, recolour the screen, forge extra lines, nor reorder what a
   * person reads.
   */
  public static String terminal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                sb.append("\\n");
              } else if (cp == '\r') {
                sb.append("\\r");
              } else if (cp == '\t') {
                sb.append("\\t");
              } else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
                sb.append(String.format("\\x%02x", cp));
              } else if (isFormatting(cp)) {
                sb.append(String.format("\\u%04x", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  /** Text safe inside HTML element content and quoted attribute values. */
  public static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Text that Markdown (CommonMark, GitHub, Mattermost) shows literally, on one line: first made
   * safe as for {@link #terminal}, then every Markdown punctuation character backslash-escaped, so
   * log text cannot open a link, an image, emphasis, a code span, a heading or raw HTML.
   */
  public static String markdown(String text) {
    String safe = terminal(text);
    StringBuilder sb = new StringBuilder(safe.length() + 16);
    for (int i = 0; i < safe.length(); i++) {
      char c = safe.charAt(i);
      if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Whether a character must not reach a terminal as it is: a control character (C0, DEL, C1), or
   * one that changes how the rest of a line is displayed (Trojan Source, CVE-2021-42574). The one
   * definition for every terminal output of relaywatch.
   */
  public static boolean unsafeOnTerminal(int cp) {
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || isFormatting(cp);
  }

  // Characters that change how the rest of a line is displayed (Trojan Source, CVE-2021-42574).
  private static boolean isFormatting(int cp) {
    return cp == 0x061c
        || cp == 0x200e
        || cp == 0x200f
        || (cp >= 0x202a && cp <= 0x202e)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x2028
        || cp == 0x2029;
  }
}
