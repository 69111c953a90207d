package io.relaywatch.alerts.audit;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An SMTP restriction list ({@code smtpd_relay_restrictions}, {@code smtpd_recipient_restrictions})
 * read the way it treats a stranger: a client not in {@code mynetworks}, not authenticated, sending
 * to a domain that is not ours. Postfix evaluates both lists and refuses the recipient when either
 * refuses, so relaying is closed when one list <em>closes</em>: it reaches {@code
 * reject_unauth_destination}, {@code defer_unauth_destination}, {@code reject} or {@code defer}
 * before a bare {@code permit}, and that restriction is not softened by {@code warn_if_reject}.
 */
final class RestrictionList {
  private static final Set<String> CLOSING =
      Set.of("reject_unauth_destination", "defer_unauth_destination", "reject", "defer");

  private final List<String> tokens;

  private RestrictionList(List<String> tokens) {
    this.tokens = tokens;
  }

  /** Tokens separated by whitespace or commas; {@code { ... }} arguments are one token. */
  static RestrictionList parse(String expanded) {
    List<String> tokens =
        MasterServices.tokens(expanded.replace(',', ' ')).stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .toList();
    return new RestrictionList(tokens);
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** Where the list refuses a stranger's relaying; -1 when it never does (or permits first). */
  int closingIndex() {
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("permit")) {
        return -1;
      }
      boolean warnOnly = i > 0 && tokens.get(i - 1).equals("warn_if_reject");
      if (CLOSING.contains(t) && !warnOnly) {
        return i;
      }
    }
    return -1;
  }

  boolean closes() {
    return closingIndex() >= 0;
  }

  /** Whether an authenticated client passes: the list never closes, or permits it first. */
  boolean letsAuthenticatedRelay() {
    int closing = closingIndex();
    return closing < 0 || tokens.subList(0, closing).contains("permit_sasl_authenticated");
  }
}
