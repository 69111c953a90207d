package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.Hostnames;
import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.alerts.engine.rules.Findings.MtaParts;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sasl_backend_unavailable}: the MTA cannot reach its SASL backend (the Dovecot auth socket,
 * saslauthd) or is offered no mechanisms, so every client that authenticates fails. The host name
 * is log text: it names the finding only when it is a plain host name.
 */
final class SaslBackendUnavailable implements Rule {

  private final Severity severity;
  private final long minErrors;

  SaslBackendUnavailable(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minErrors = thresholds.count("minErrors");
  }

  @Override
  public Verdict verdict() {
    return Verdict.SASL_BACKEND_UNAVAILABLE;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    if (!(evidence instanceof HostEvidence host) || host.saslBackendErrors() < minErrors) {
      return Optional.empty();
    }
    return Optional.of(finding(host, config));
  }

  private Finding finding(HostEvidence host, VerdictConfig config) {
    Optional<String> name = Hostnames.validated(host.host());
    MtaParts parts = Findings.mtaParts(host.mta() == null ? Set.of() : Set.of(host.mta()), config);
    String summary =
        name.map(n -> "The MTA on " + n).orElse("The MTA")
            + " cannot reach its SASL authentication backend ("
            + Findings.plural(host.saslBackendErrors(), "error")
            + "): every client that authenticates fails.";
    Fix fix =
        new Fix(
            "Give the MTA a working SASL backend: the Dovecot auth listener inside Postfix's"
                + " queue directory and the Postfix SASL settings pointing at it (Exim: the"
                + " Dovecot authenticator); then restart Dovecot and reload the MTA.",
            parts.postfix(
                List.of(
                    PostfixLines.POINT_AT_DOVECOT,
                    "systemctl restart dovecot",
                    PostfixLines.CHECK_AND_RELOAD)),
            parts.exim(
                List.of(
                    "dovecot_plain:",
                    "  driver = dovecot",
                    "  public_name = PLAIN",
                    "  server_socket = /var/run/dovecot/auth-client",
                    "  server_set_id = $auth1")),
            PostfixLines.DOVECOT_AUTH_LISTENER,
            null);
    List<String> diagnostics =
        parts.diagnostics(
            List.of(
                "ls -la /var/spool/postfix/private/auth",
                "postconf smtpd_sasl_type smtpd_sasl_path smtpd_sasl_auth_enable"),
            List.of("ls -la /var/run/dovecot/auth-client"),
            List.of(
                "systemctl status dovecot",
                "doveadm auth test 'USER'",
                "systemctl status saslauthd"));
    return Findings.about(
        verdict(),
        severity,
        name.orElse(Hostnames.UNNAMED_HOST),
        host,
        summary,
        host.saslBackendErrors(),
        diagnostics,
        fix);
  }
}
