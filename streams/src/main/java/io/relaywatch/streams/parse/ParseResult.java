package io.relaywatch.streams.parse;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.UnparsedLine;

/** What the parser made of a line. Failure to parse is a value, never an exception. */
public sealed interface ParseResult {
  /** A recognised event. */
  record Parsed(MailEvent event) implements ParseResult {}

  /**
   * A line that looked relevant (a mail program, a reject or warning keyword) but matched no
   * pattern, or that could not be looked at (too long, no header).
   */
  record Unparsed(String reason, String host, String program, String raw) implements ParseResult {
    public UnparsedLine toUnparsedLine() {
      return new UnparsedLine(host, program, reason, raw);
    }
  }

  /** An ordinary line (delivery, queue manager, cleanup, ...) that says nothing about rejects. */
  record Ignored() implements ParseResult {}

  /** The one {@link Ignored} instance; ignored lines are the common case and allocate nothing. */
  Ignored IGNORED = new Ignored();
}
