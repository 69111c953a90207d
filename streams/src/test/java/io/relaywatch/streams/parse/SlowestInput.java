package io.relaywatch.streams.parse;

/**
 * The slowest of many timed inputs, for fuzz tests to report. It is kept whole, to replay, and
 * printed shortened and escaped: fuzzed text goes to a terminal or CI log.
 */
final class SlowestInput {
  private static final int SHOWN_CHARS = 160;
  private long count;
  private long slowestNanos = -1;
  private String slowest = "";

  synchronized void offer(long nanos, String input) {
    count++;
    if (nanos > slowestNanos) {
      slowestNanos = nanos;
      slowest = input;
    }
  }

  /** The slowest input in full, to replay it. */
  synchronized String slowestInput() {
    return slowest;
  }

  @Override
  public synchronized String toString() {
    return String.format(
        "%d inputs, slowest %.1f us (%d chars): %s",
        count,
        slowestNanos / 1e3,
        slowest.length(),
        escape(slowest.substring(0, Math.min(slowest.length(), SHOWN_CHARS))));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
              } else {
                out.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
              }
            });
    return out.toString();
  }
}
