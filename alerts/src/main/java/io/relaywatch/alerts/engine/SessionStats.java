package io.relaywatch.alerts.engine;

import java.util.List;

/**
 * What a client's joined SMTP sessions say about authentication, counted over the evaluation
 * window. Only closed sessions count; a session still open says nothing yet.
 *
 * @param sessions all sessions of the client
 * @param deniedNeverTriedAuth sessions refused relay in which the client never sent AUTH
 * @param deniedAfterAuthFailure sessions refused relay after every AUTH in them failed
 * @param deniedAuthenticated sessions refused relay although an AUTH succeeded
 * @param authAttempts AUTH commands over all sessions
 * @param authFailures failed AUTH commands over all sessions
 * @param failedUsernames the first SASL user names that failed (attacker-controlled text)
 */
public record SessionStats(
    long sessions,
    long deniedNeverTriedAuth,
    long deniedAfterAuthFailure,
    long deniedAuthenticated,
    long authAttempts,
    long authFailures,
    List<String> failedUsernames) {
  public static final SessionStats NONE = new SessionStats(0, 0, 0, 0, 0, 0, List.of());

  public SessionStats {
    failedUsernames = failedUsernames == null ? List.of() : List.copyOf(failedUsernames);
  }
}
