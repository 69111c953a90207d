package io.relaywatch.streams.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The parser for Postfix, Exim and Sendmail mail logs. Work per line, cheapest first: a length
 * check, a keyword prefilter that ignores most lines, the header scanner, the program name, and
 * only then the Grok patterns of that mail system.
 */
public final class MailLogParser implements LineParser {
  /** How much of an over-long line is kept in its {@code Unparsed} result. */
  static final int TOO_LONG_KEPT_CHARS = 4096;

  private final ZoneId zone;
  private final HeaderParser headers;
  private final PostfixParser postfix;
  private final EximParser exim;
  private final SendmailParser sendmail;
  private final boolean messages;

  private MailLogParser(ZoneId zone, boolean messages) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.messages = messages;
    GrokPatterns grok = GrokPatterns.load();
    ReasonCatalogue reasons = ReasonCatalogue.load();
    this.headers = new HeaderParser(zone);
    this.postfix = new PostfixParser(grok, reasons);
    this.exim = new EximParser(grok, reasons);
    this.sendmail = new SendmailParser(grok, reasons);
  }

  /** A parser reading zone-less timestamps in {@code zone}. Compiles every pattern once. */
  public static MailLogParser create(ZoneId zone) {
    return new MailLogParser(zone, true);
  }

  /**
   * A parser that ignores message lines (smtpd {@code client=}, qmgr, delivery agents) unless they
   * also carry a reject, SASL or warning keyword: for readers that need refusals, AUTH and sessions
   * but no message records, such as the offline report, which then skips two fifths of a typical
   * log before any parsing.
   */
  public static MailLogParser withoutMessages(ZoneId zone) {
    return new MailLogParser(zone, false);
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean mayBeRelevant(byte[] utf8, int from, int to) {
    return Prefilter.mayBeRelevant(utf8, from, to, messages);
  }

  @Override
  public ParseResult parse(String line, Instant reference) {
    if (line == null || line.isEmpty()) {
      return ParseResult.IGNORED;
    }
    if (line.length() > MAX_LINE_CHARS) {
      return new ParseResult.Unparsed(
          UnparsedReasons.TOO_LONG, null, null, line.substring(0, TOO_LONG_KEPT_CHARS));
    }
    if (!Prefilter.mayBeRelevant(line, messages)) {
      return ParseResult.IGNORED;
    }
    try {
      return parseCandidate(line, reference);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug must cost one line, not the pipeline; the reason makes it visible and countable.
      return new ParseResult.Unparsed(UnparsedReasons.PARSER_ERROR, null, null, line);
    }
  }

  private ParseResult parseCandidate(String line, Instant reference) {
    LineHeader header = headers.parse(line, reference);
    if (header == null) {
      return new ParseResult.Unparsed(UnparsedReasons.NO_HEADER, null, null, line);
    }
    ProgramName program = ProgramName.of(header.program());
    if (program == null) {
      return ParseResult.IGNORED;
    }
    return switch (program.mta()) {
      case POSTFIX -> postfix.parse(line, header, program);
      case EXIM -> exim.parse(line, header, program);
      case SENDMAIL -> sendmail.parse(line, header, program);
    };
  }
}
