package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.SessionStats;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code sasl_auth_failing}: the client tried AUTH and failed, then was refused relay; or an
 * internal client fails AUTH again and again. Failures from outside without relay attempts are
 * password guessing, which is fail2ban's business, not a misconfiguration of ours.
 */
final class SaslAuthFailing implements Rule {
  /** User names are log text; only ones of this plain shape are named, and only in the summary. */
  private static final Pattern PLAIN_USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+@-]{0,63}");

  private static final int MAX_NAMED_USERS = 3;

  private final Severity severity;
  private final long minDeniedSessions;
  private final long minAuthFailures;

  SaslAuthFailing(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minDeniedSessions = thresholds.count("minDeniedSessions");
    this.minAuthFailures = thresholds.count("minAuthFailures");
  }

  @Override
  public Verdict verdict() {
    return Verdict.SASL_AUTH_FAILING;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    return ClientFacts.of(evidence, config).filter(this::fires).map(this::finding);
  }

  private boolean fires(ClientFacts client) {
    SessionStats sessions = client.evidence().sessions();
    return sessions.deniedAfterAuthFailure() >= minDeniedSessions
        || (client.internal() && sessions.authFailures() >= minAuthFailures);
  }

  private Finding finding(ClientFacts client) {
    SessionStats sessions = client.evidence().sessions();
    long count = Math.max(sessions.authFailures(), sessions.deniedAfterAuthFailure());
    String summary =
        client.ip()
            + " failed AUTH "
            + Findings.plural(sessions.authFailures(), "time")
            + " ("
            + Findings.plural(sessions.deniedAfterAuthFailure(), "session")
            + " then refused relay)"
            + users(sessions.failedUsernames())
            + ": the client's credentials are wrong or expired.";
    Fix fix =
        new Fix(
            "Correct the user name and password the client sends; an account with two-factor"
                + " authentication needs an application-specific password.",
            null,
            null,
            null,
            List.of(
                "Check the user name (often the full mail address) and the password set for"
                    + " outgoing mail",
                "With two-factor authentication, create an application-specific password and use"
                    + " it instead of the account password",
                "Use port 587 with STARTTLS (or 465 with TLS): servers refuse passwords sent"
                    + " without encryption"));
    List<String> diagnostics =
        List.of(
            "doveadm auth test 'USER'   # Dovecot; asks for the password",
            "testsaslauthd -u 'USER' -p 'PASSWORD'   # saslauthd",
            "doveadm log errors");
    return Findings.client(verdict(), severity, client, summary, count, diagnostics, fix);
  }

  private static String users(List<String> names) {
    List<String> plain =
        names.stream()
            .filter(n -> n != null && PLAIN_USER.matcher(n).matches())
            .limit(MAX_NAMED_USERS)
            .toList();
    return plain.isEmpty() ? "" : ", user names " + String.join(", ", plain);
  }
}
