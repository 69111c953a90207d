package io.relaywatch.streams.parse;

import java.time.Instant;
import java.time.ZoneId;

/** The parser for Postfix, Exim and Sendmail lines. (Work in progress: ignores everything.) */
public final class MailLogParser implements LineParser {
  private final ZoneId zone;

  private MailLogParser(ZoneId zone) {
    this.zone = zone;
  }

  /** A parser reading zone-less timestamps in {@code zone}. Compiles every pattern once. */
  public static MailLogParser create(ZoneId zone) {
    return new MailLogParser(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public ParseResult parse(String line, Instant reference) {
    return ParseResult.IGNORED;
  }
}
