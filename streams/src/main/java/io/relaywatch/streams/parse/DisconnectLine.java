package io.relaywatch.streams.parse;

/**
 * A Postfix {@code disconnect from host[ip]:port counters} body read by hand. It accepts exactly
 * what the Grok pattern {@code POSTFIX_DISCONNECT} accepts and captures the same texts
 * (DisconnectLineTest compares both on generated lines and fails when the pattern changes). A
 * report reads as many disconnect lines as rejects, and the regular expression was most of their
 * cost.
 *
 * @param clientHost the host before the bracket, possibly empty
 * @param clientIp the text between the brackets
 * @param clientPort the digits after {@code ]:}, or null
 * @param counters what follows the first space after the client, or null when nothing does
 */
record DisconnectLine(String clientHost, String clientIp, String clientPort, String counters) {
  private static final String PREFIX = "disconnect from ";
  private static final int MAX_IP_CHARS = 64;

  /** The fields of a matching body, or null when {@code POSTFIX_DISCONNECT} would not match. */
  static DisconnectLine match(String body) {
    if (!body.startsWith(PREFIX)) {
      return null;
    }
    int n = body.length();
    int hostStart = PREFIX.length();
    int i = hostStart;
    while (i < n && !endsHost(body.charAt(i))) {
      i++;
    }
    if (i >= n || body.charAt(i) != '[') {
      return null;
    }
    int ipStart = ++i;
    while (i < n && body.charAt(i) != ']' && !isSpace(body.charAt(i))) {
      i++;
    }
    if (i >= n || body.charAt(i) != ']' || i == ipStart || i - ipStart > MAX_IP_CHARS) {
      return null;
    }
    String host = body.substring(hostStart, ipStart - 1);
    String ip = body.substring(ipStart, i);
    i++;
    String port = null;
    if (i < n && body.charAt(i) == ':') {
      int portStart = i + 1;
      i = portStart;
      while (i < n && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
        i++;
      }
      if (i == portStart) {
        return null; // ':' without digits is neither a port nor the space before the counters
      }
      port = body.substring(portStart, i);
    }
    if (i == n) {
      return new DisconnectLine(host, ip, port, null);
    }
    if (body.charAt(i) != ' ' || hasLineTerminator(body, i + 1)) {
      return null; // REST is '.*', which stops at line terminators
    }
    return new DisconnectLine(host, ip, port, body.substring(i + 1));
  }

  /** {@code [^\s\[\]]} ends here. */
  private static boolean endsHost(char c) {
    return c == '[' || c == ']' || isSpace(c);
  }

  /** {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** What {@code .} does not match without DOTALL. */
  private static boolean hasLineTerminator(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
