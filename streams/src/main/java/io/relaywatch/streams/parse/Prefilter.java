package io.relaywatch.streams.parse;

import java.nio.charset.StandardCharsets;

/**
 * A cheap test run on every line before any header parsing or Grok work: most of a mail log
 * (connects, TLS, cleanup, anvil) carries none of these words and is ignored at the cost of one
 * pass over the line.
 */
final class Prefilter {
  // The words a relevant line carries; a line carrying none of them is ignored. All ASCII.
  private static final String REJECT = "reject";
  private static final String RELAYING_DENIED = "Relaying denied";
  private static final String SASL_UPPER = "SASL";
  private static final String SASL_LOWER = "sasl";
  private static final String AUTHENTICATION = "uthentica";
  private static final String DISCONNECT = "disconnect from ";
  private static final String WARNING = "warning: ";
  // The message lines joined into relaywatch.messages: smtpd, qmgr and delivery agents.
  private static final String CLIENT = "client=";
  private static final String NRCPT = "nrcpt=";
  private static final String STATUS = ", status=";
  private static final String REMOVED = ": removed";
  private static final int SHORTEST = 4;

  private static final byte[] REJECT_BYTES = ascii(REJECT);
  private static final byte[] RELAYING_DENIED_BYTES = ascii(RELAYING_DENIED);
  private static final byte[] SASL_UPPER_BYTES = ascii(SASL_UPPER);
  private static final byte[] SASL_LOWER_BYTES = ascii(SASL_LOWER);
  private static final byte[] AUTHENTICATION_BYTES = ascii(AUTHENTICATION);
  private static final byte[] DISCONNECT_BYTES = ascii(DISCONNECT);
  private static final byte[] WARNING_BYTES = ascii(WARNING);
  private static final byte[] CLIENT_BYTES = ascii(CLIENT);
  private static final byte[] NRCPT_BYTES = ascii(NRCPT);
  private static final byte[] STATUS_BYTES = ascii(STATUS);
  private static final byte[] REMOVED_BYTES = ascii(REMOVED);

  private static final boolean[] STARTS_A_WORD = new boolean[256];

  static {
    for (char c : "rRSsudwcn,:".toCharArray()) {
      STARTS_A_WORD[c] = true;
    }
  }

  private Prefilter() {}

  /** Whether the line carries a reject keyword. */
  static boolean hasRejectKeyword(String line) {
    return line.contains(REJECT) || line.contains(RELAYING_DENIED);
  }

  /** Whether the line carries a SASL or authentication keyword. */
  static boolean hasAuthKeyword(String line) {
    return line.contains(SASL_UPPER) || line.contains(SASL_LOWER) || line.contains(AUTHENTICATION);
  }

  /**
   * Whether the line may be one the parser recognises: whether it carries a reject or auth keyword,
   * {@code "disconnect from "}, {@code "warning: "} or a message line's {@code "client="}, {@code
   * "nrcpt="}, {@code ", status="} or {@code ": removed"}. One pass looking for the first letters
   * rather than eleven {@code contains} scans: without the JIT's string intrinsics (a short run is
   * over before C2 compiles them, or never gets there) the scans took a fifth of a report's time.
   */
  static boolean mayBeRelevant(String line) {
    return mayBeRelevant(line, true);
  }

  /** The same, leaving out the message-line words when {@code messages} is false. */
  static boolean mayBeRelevant(String line, boolean messages) {
    // The words are ASCII, which ISO-8859-1 keeps as they are (other characters become '?', in no
    // word); copying out the bytes and scanning them beat charAt() several times over in C1 code.
    byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
    return mayBeRelevant(bytes, 0, bytes.length, messages);
  }

  /**
   * The same test on the raw UTF-8 bytes of a line, before decoding. It never says false for a line
   * whose decoded text {@link #mayBeRelevant(String)} accepts: the words are ASCII, and UTF-8
   * decoding (malformed bytes replaced by U+FFFD) neither creates ASCII characters from other bytes
   * nor drops bytes between two ASCII characters.
   */
  static boolean mayBeRelevant(byte[] bytes, int from, int to) {
    return mayBeRelevant(bytes, from, to, true);
  }

  /**
   * The same, leaving out the message-line words when {@code messages} is false: a reader that
   * needs no {@code relaywatch.messages} (the offline report) then skips the two fifths of a mail
   * log that are message lines before any parsing.
   */
  static boolean mayBeRelevant(byte[] bytes, int from, int to, boolean messages) {
    int last = to - SHORTEST;
    for (int i = from; i <= last; i++) {
      if (!STARTS_A_WORD[bytes[i] & 0xff]) {
        continue; // most bytes: one table look-up is cheaper than the switch below
      }
      byte[] word =
          switch (bytes[i]) {
            case 'r' -> REJECT_BYTES;
            case 'R' -> RELAYING_DENIED_BYTES;
            case 'S' -> SASL_UPPER_BYTES;
            case 's' -> SASL_LOWER_BYTES;
            case 'u' -> AUTHENTICATION_BYTES;
            case 'd' -> DISCONNECT_BYTES;
            case 'w' -> WARNING_BYTES;
            case 'c' -> messages ? CLIENT_BYTES : null;
            case 'n' -> messages ? NRCPT_BYTES : null;
            case ',' -> messages ? STATUS_BYTES : null;
            case ':' -> messages ? REMOVED_BYTES : null;
            default -> null;
          };
      if (word != null && startsWith(bytes, i, to, word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, int at, int to, byte[] word) {
    if (word.length > to - at) {
      return false;
    }
    for (int k = 1; k < word.length; k++) {
      if (bytes[at + k] != word[k]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String word) {
    return word.getBytes(StandardCharsets.US_ASCII);
  }
}
