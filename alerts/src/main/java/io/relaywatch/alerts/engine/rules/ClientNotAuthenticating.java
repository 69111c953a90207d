package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.rules.Findings.MtaParts;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * {@code client_not_authenticating}: refused relay on submission or smtps without trying AUTH, or
 * an outside client sending as a local domain (a user's phone or laptop, not a prober) without
 * AUTH. Either way the client has to be set up to authenticate.
 */
final class ClientNotAuthenticating implements Rule {
  private final Severity severity;
  private final long minDenials;

  ClientNotAuthenticating(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minDenials = thresholds.count("minDenials");
  }

  @Override
  public Verdict verdict() {
    return Verdict.CLIENT_NOT_AUTHENTICATING;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    return ClientFacts.of(evidence, config).filter(this::fires).map(c -> finding(c, config));
  }

  private boolean fires(ClientFacts client) {
    if (!client.neverTriedAuth() || client.evidence().relayDenials() < minDenials) {
      return false;
    }
    boolean onSubmission = client.refusedOn("submission", "smtps");
    boolean outsideUser = !client.internal() && client.evidence().localSenders() > 0;
    return onSubmission || outsideUser;
  }

  private Finding finding(ClientFacts client, VerdictConfig config) {
    MtaParts parts = Findings.mtaParts(client.evidence().mtas(), config);
    String where =
        client.refusedOn("submission", "smtps")
            ? " on the submission port"
            : " from outside the internal networks";
    String summary =
        client.ip()
            + " was refused relay "
            + Findings.plural(client.evidence().relayDenials(), "time")
            + where
            + " and never tried AUTH: the client is not set up to authenticate.";
    Fix fix =
        new Fix(
            "Set the client to send through port 587 with STARTTLS (or 465 with TLS) and to log in"
                + " with its mail account.",
            null,
            null,
            null,
            List.of(
                "Outgoing server port 587, connection security STARTTLS (or port 465, SSL/TLS)",
                "Authentication on: the mailbox's user name and password (normal password)",
                "Applications: e.g. Django EMAIL_PORT = 587, EMAIL_USE_TLS = True,"
                    + " EMAIL_HOST_USER = 'USER', EMAIL_HOST_PASSWORD = 'PASSWORD'"));
    List<String> diagnostics =
        parts.diagnostics(
            List.of(
                "postconf -M submission/inet smtps/inet",
                "postconf smtpd_sasl_auth_enable smtpd_tls_auth_only"),
            List.of("exim -bP auth_advertise_hosts"),
            List.of(
                "openssl s_client -starttls smtp -crlf -connect MAILSERVER:587   # then: EHLO x;"
                    + " AUTH must be offered"));
    return Findings.client(
        verdict(), severity, client, summary, client.evidence().relayDenials(), diagnostics, fix);
  }
}
