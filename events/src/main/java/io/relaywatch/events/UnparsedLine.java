package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A line from a mail program that looked like a reject or warning but matched no pattern: the value
 * of {@code relaywatch.unparsed}. Kept so that a gap in the patterns is visible, never silent.
 *
 * @param host the mail host from the line's header, when the header could be read
 * @param program the program from the header, when the header could be read
 * @param reason why the line was not recognised, from a small fixed vocabulary (docs/events.md)
 * @param raw the line as received
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnparsedLine(String host, String program, String reason, String raw) {
  public UnparsedLine {
    if (reason == null || raw == null) {
      throw new IllegalArgumentException("reason and raw are required");
    }
  }
}
