package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.SessionStats;
import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.SessionRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the sessions of one client in one time bucket say about AUTH; mutable, ledger-private. */
final class SessionCounts {
  long sessions;
  long deniedNeverTriedAuth;
  long deniedAfterAuthFailure;
  long deniedAuthenticated;
  long authAttempts;
  long authFailures;
  final List<String> failedUsernames = new ArrayList<>();
  OffsetDateTime firstSeen;
  OffsetDateTime lastSeen;

  void add(SessionRecord s) {
    sessions++;
    if (s.relayDenied()) {
      switch (s.authOutcome()) {
        case NEVER_TRIED -> deniedNeverTriedAuth++;
        case FAILED -> deniedAfterAuthFailure++;
        case SUCCEEDED -> deniedAuthenticated++;
      }
    }
    authAttempts += s.authAttempts();
    authFailures += s.authFailures();
    addCapped(failedUsernames, s.failedUsernames(), LedgerLimits.MAX_USERNAMES);
    firstSeen = Times.earliest(firstSeen, s.start());
    lastSeen = Times.latest(lastSeen, s.end());
  }

  /** Whether a session is worth a new subject: one that shows a fault, not routine traffic. */
  static boolean showsAFault(SessionRecord s) {
    return s.relayDenied() || s.authFailures() > 0 || s.authOutcome() == AuthOutcome.FAILED;
  }

  static SessionStats sum(Collection<SessionCounts> buckets) {
    long sessions = 0;
    long neverTried = 0;
    long afterFailure = 0;
    long authenticated = 0;
    long attempts = 0;
    long failures = 0;
    List<String> usernames = new ArrayList<>();
    for (SessionCounts c : buckets) {
      sessions += c.sessions;
      neverTried += c.deniedNeverTriedAuth;
      afterFailure += c.deniedAfterAuthFailure;
      authenticated += c.deniedAuthenticated;
      attempts += c.authAttempts;
      failures += c.authFailures;
      addCapped(usernames, c.failedUsernames, LedgerLimits.MAX_USERNAMES);
    }
    if (sessions == 0) {
      return SessionStats.NONE;
    }
    return new SessionStats(
        sessions, neverTried, afterFailure, authenticated, attempts, failures, usernames);
  }

  /** Adds the items not there yet, up to {@code cap} items in all. */
  static void addCapped(List<String> into, Collection<String> items, int cap) {
    for (String item : items) {
      if (into.size() >= cap) {
        return;
      }
      if (item != null && !into.contains(item)) {
        into.add(item);
      }
    }
  }
}
