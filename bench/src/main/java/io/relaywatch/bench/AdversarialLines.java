package io.relaywatch.bench;

import io.relaywatch.streams.parse.LineParser;

/**
 * Lines built to make a regular-expression parser backtrack: a plausible reject, SASL or session
 * line whose middle is one long run of the characters the patterns split on ({@code [ ] : < >} and
 * spaces). Each is exactly {@link LineParser#MAX_LINE_CHARS} long, the longest line the parser must
 * still look at, except {@link Shape#OVER_LIMIT}, which it must refuse before any regex.
 */
public final class AdversarialLines {
  private static final String POSTFIX = "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: ";
  private static final String REJECT = POSTFIX + "NOQUEUE: reject: RCPT from ";

  /** The adversarial shapes: a head, a filler repeated to length, and a tail. */
  public enum Shape {
    BRACKET_RUN(
        REJECT + "unknown", "[", "192.0.2.1]: 554 5.7.1 <a@b.example>: Relay access denied"),
    UNCLOSED_BRACKETS(REJECT + "unknown", "[192.0.2.1", ": 554 5.7.1 Relay access denied; from=<"),
    SPACE_RUN(REJECT, " ", "unknown[192.0.2.1]: 554 5.7.1 <a@b.example>: Relay access denied;"),
    ANGLE_COLON_RUN(
        REJECT + "unknown[192.0.2.1]: 554 5.7.1 <",
        "<:",
        ">: Relay access denied; from=<> to=<a@b.example> proto=ESMTP helo=<x"),
    REPEATED_FIELDS(
        REJECT + "unknown[192.0.2.1]: 554 5.7.1 <a@b.example>: Relay access denied;",
        " from=<a@b> to=<c@d>",
        " proto=ESMTP helo=<"),
    LONG_VALID_HELO(
        REJECT
            + "unknown[192.0.2.1]: 554 5.7.1 <a@b.example>: Relay access denied;"
            + " from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<",
        "a",
        ">"),
    SASL_BRACKETS(POSTFIX + "warning: unknown", "[:", "]: SASL LOGIN authentication failed: x"),
    DISCONNECT_COUNTERS(POSTFIX + "disconnect from unknown[192.0.2.1]", " ehlo=1", " commands=x"),
    EXIM_PARENS(
        "2026-06-29 15:33:46 H=",
        "(",
        " [192.0.2.1] F=<a@b.example> rejected RCPT <c@d.example>: relay not permitted"),
    SENDMAIL_ANGLES(
        "Nov  3 10:33:27 mx1 sendmail[1234]: 5A1B2C3D4: ruleset=check_rcpt, arg1=<",
        "<@",
        ", relay=x [192.0.2.1], reject=550 5.7.1 <c@d>... Relaying denied"),
    OVER_LIMIT(REJECT, "[", "]: 554 5.7.1 <a@b.example>: Relay access denied");

    private final String head;
    private final String filler;
    private final String tail;

    Shape(String head, String filler, String tail) {
      this.head = head;
      this.filler = filler;
      this.tail = tail;
    }

    /** The line for this shape. */
    public String line() {
      int length = this == OVER_LIMIT ? LineParser.MAX_LINE_CHARS + 1 : LineParser.MAX_LINE_CHARS;
      StringBuilder line = new StringBuilder(length).append(head);
      int middle = length - head.length() - tail.length();
      while (line.length() - head.length() + filler.length() <= middle) {
        line.append(filler);
      }
      // Pad with the filler's first character so the length is exact.
      while (line.length() < length - tail.length()) {
        line.append(filler.charAt(0));
      }
      return line.append(tail).toString();
    }
  }

  private AdversarialLines() {}
}
