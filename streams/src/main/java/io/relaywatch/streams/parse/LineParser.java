package io.relaywatch.streams.parse;

import java.time.Instant;

/**
 * Turns one mail log line into a {@link ParseResult}. Implementations never throw on any input and
 * are safe to share between threads.
 */
public interface LineParser {
  /** The longest line the parser looks at; longer lines are {@code Unparsed("too long")}. */
  int MAX_LINE_CHARS = 64 * 1024;

  /**
   * Parses one line (without its newline).
   *
   * @param line the line; invalid bytes are expected to have been decoded with replacement
   * @param reference when the line was read; years missing from RFC 3164 headers are inferred
   *     against it
   */
  ParseResult parse(String line, Instant reference);

  /**
   * A cheap look at a line's raw UTF-8 bytes before they are decoded: false only when {@link
   * #parse} would return {@link ParseResult#IGNORED} for the decoded line (which must be at most
   * {@link #MAX_LINE_CHARS} long), so a reader can skip decoding most lines. The default looks at
   * nothing and says true.
   */
  default boolean mayBeRelevant(byte[] utf8, int from, int to) {
    return true;
  }

  /**
   * Whether the line in {@code utf8[from, to)} is ignored without decoding it: short enough for
   * {@link #mayBeRelevant}'s promise and not relevant. Readers ask this before they decode.
   */
  default boolean ignoresUndecoded(byte[] utf8, int from, int to) {
    return to - from <= MAX_LINE_CHARS && !mayBeRelevant(utf8, from, to);
  }
}
