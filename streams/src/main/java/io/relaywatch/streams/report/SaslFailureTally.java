package io.relaywatch.streams.report;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MailEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One client's failed SASL logins, with a few of the user names it tried. */
final class SaslFailureTally extends ClientTally {
  /** User names are attacker-chosen; a long one is cut so that examples stay examples. */
  private static final int MAX_USERNAME_CHARS = 64;

  private final int maxUsernames;
  private final Set<String> usernames = new LinkedHashSet<>();
  private boolean usernamesCapped;

  SaslFailureTally(String clientIp, int maxUsernames) {
    super(clientIp);
    this.maxUsernames = maxUsernames;
  }

  void add(MailEvent event) {
    seen(event.timestamp());
    String username = event.saslUsername();
    if (username == null || username.isEmpty()) {
      return;
    }
    String kept =
        username.length() > MAX_USERNAME_CHARS
            ? username.substring(0, MAX_USERNAME_CHARS)
            : username;
    if (usernames.contains(kept)) {
      return;
    }
    if (usernames.size() < maxUsernames) {
      usernames.add(kept);
    } else {
      usernamesCapped = true;
    }
  }

  ReportSummary.SaslFailedClient toSummary(InternalNetworks internal) {
    return new ReportSummary.SaslFailedClient(
        clientIp(),
        count(),
        List.copyOf(usernames),
        usernamesCapped,
        firstSeen(),
        lastSeen(),
        ReportSummary.Network.of(clientIp(), internal));
  }
}
