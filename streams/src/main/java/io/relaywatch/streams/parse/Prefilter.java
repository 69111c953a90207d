package io.relaywatch.streams.parse;

/**
 * A cheap test run on every line before any header parsing or Grok work: most of a mail log
 * (deliveries, queue manager, connects) carries none of these words and is ignored at the cost of a
 * few {@code indexOf} scans.
 */
final class Prefilter {
  private Prefilter() {}

  /** Whether the line carries a reject keyword. */
  static boolean hasRejectKeyword(String line) {
    return line.contains("reject") || line.contains("Relaying denied");
  }

  /** Whether the line carries a SASL or authentication keyword. */
  static boolean hasAuthKeyword(String line) {
    return line.contains("SASL") || line.contains("sasl") || line.contains("uthentica");
  }

  /** Whether the line may be one the parser recognises. */
  static boolean mayBeRelevant(String line) {
    return hasRejectKeyword(line)
        || hasAuthKeyword(line)
        || line.contains("disconnect from ")
        || line.contains("warning: ");
  }
}
