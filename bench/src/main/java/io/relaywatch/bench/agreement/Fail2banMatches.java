package io.relaywatch.bench.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code fail2ban-regex -o '<ip> <msg>' FILE postfix.conf}: one line per match, the address
 * fail2ban took from the line ({@code <HOST>}), a space, the matched log line.
 *
 * <p>The {@code postfix} filter (mode {@code more}) matches relay denials together with the other
 * rejects and does not say which rule matched, so the relay denials are the matches whose log line
 * carries Postfix's reason text; the address counted is fail2ban's own.
 */
public final class Fail2banMatches {
  private static final String RELAY_DENIED = ": Relay access denied";

  private Fail2banMatches() {}

  /** Relay-denial matches per client address, and all matches. */
  public record RelayDenials(Map<String, Long> byIp, long allMatches) {}

  public static RelayDenials parse(List<String> output) {
    Map<String, Long> byIp = new LinkedHashMap<>();
    long all = 0;
    for (String line : output) {
      int space = line.indexOf(' ');
      if (space <= 0 || !looksLikeAddress(line.substring(0, space))) {
        continue; // fail2ban's own messages, not matches
      }
      all++;
      if (line.indexOf(RELAY_DENIED, space) > 0) {
        byIp.merge(line.substring(0, space), 1L, Long::sum);
      }
    }
    return new RelayDenials(byIp, all);
  }

  static boolean looksLikeAddress(String token) {
    return token.matches("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  }
}
