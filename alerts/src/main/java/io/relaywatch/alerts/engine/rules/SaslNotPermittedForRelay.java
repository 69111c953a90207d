package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.alerts.engine.rules.Findings.MtaParts;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * {@code sasl_not_permitted_for_relay}: sessions that authenticated successfully were still refused
 * relay, so the relay restrictions do not permit authenticated clients. Any client that
 * authenticates hits it, which is why it outranks the other client rules.
 */
final class SaslNotPermittedForRelay implements Rule {
  static final String RESTRICTIONS =
      "smtpd_relay_restrictions = " + PostfixLines.DEFAULT_RELAY_RESTRICTIONS;

  private final Severity severity;
  private final long minDeniedSessions;

  SaslNotPermittedForRelay(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minDeniedSessions = thresholds.count("minDeniedSessions");
  }

  @Override
  public Verdict verdict() {
    return Verdict.SASL_NOT_PERMITTED_FOR_RELAY;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    return ClientFacts.of(evidence, config)
        .filter(c -> c.evidence().sessions().deniedAuthenticated() >= minDeniedSessions)
        .map(c -> finding(c, config));
  }

  private Finding finding(ClientFacts client, VerdictConfig config) {
    long denied = client.evidence().sessions().deniedAuthenticated();
    MtaParts parts = Findings.mtaParts(client.evidence().mtas(), config);
    String summary =
        client.ip()
            + " authenticated successfully and was still refused relay in "
            + Findings.plural(denied, "session")
            + ": the relay restrictions do not permit authenticated clients.";
    Fix fix =
        new Fix(
            "Permit SASL-authenticated clients to relay, before the rule that refuses relaying"
                + " (Postfix smtpd_relay_restrictions, also any override for submission in"
                + " master.cf; Exim acl_check_rcpt).",
            parts.postfix(
                List.of("postconf -e '" + RESTRICTIONS + "'", PostfixLines.CHECK_AND_RELOAD)),
            parts.exim(
                List.of(
                    "# acl_check_rcpt, before the rule that denies relaying:",
                    "accept  authenticated = *",
                    "        control       = submission")),
            null,
            null);
    List<String> diagnostics =
        parts.diagnostics(
            List.of(
                "postconf smtpd_relay_restrictions smtpd_recipient_restrictions",
                "postconf -P | grep -E 'relay_restrictions|recipient_restrictions'"),
            List.of("exim -bP acl_smtp_rcpt"),
            List.of());
    return Findings.client(verdict(), severity, client, summary, denied, diagnostics, fix);
  }
}
