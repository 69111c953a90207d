package io.relaywatch.streams.parse;

import java.util.List;

/**
 * The fixed vocabulary of {@link ParseResult.Unparsed#reason()}; bounded so it can label metrics.
 */
public final class UnparsedReasons {
  /** Longer than {@link LineParser#MAX_LINE_CHARS}; refused before any regular expression. */
  public static final String TOO_LONG = "too long";

  /** A relevant keyword, but no known syslog, journald or Exim header in front of it. */
  public static final String NO_HEADER = "no header";

  /** A mail program's reject line that no reject pattern matched. */
  public static final String UNKNOWN_REJECT = "unknown reject";

  /** A mail program's SASL or warning line that no pattern matched. */
  public static final String UNKNOWN_WARNING = "unknown warning";

  /** The parser failed on this line (a bug): the line is kept so that it can become a test case. */
  public static final String PARSER_ERROR = "parser error";

  /** Every reason, so that metrics can show a zero before the first unparsed line. */
  public static final List<String> ALL =
      List.of(TOO_LONG, NO_HEADER, UNKNOWN_REJECT, UNKNOWN_WARNING, PARSER_ERROR);

  private UnparsedReasons() {}
}
