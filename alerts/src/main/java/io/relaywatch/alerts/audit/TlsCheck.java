package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Encryption around AUTH:
 *
 * <ul>
 *   <li>{@code tls_auth_not_required}: a service offers AUTH on a connection that need not be
 *       encrypted ({@code smtpd_tls_auth_only} not {@code yes}, TLS not required, not smtps), so a
 *       password may cross the network in clear;
 *   <li>{@code submission_not_encrypted}: the submission service (587) does not require TLS ({@code
 *       smtpd_tls_security_level} not {@code encrypt}). Needs master.cf.
 * </ul>
 */
final class TlsCheck implements AuditCheck {
  static final String AUTH_ONLY = "smtpd_tls_auth_only";
  static final String LEVEL = "smtpd_tls_security_level";

  @Override
  public List<Finding> run(AuditInput in, List<String> notes) {
    List<Finding> findings = new ArrayList<>();
    List<SmtpdService> clearAuth =
        in.services().stream()
            .filter(s -> s.saslEnabled(in.main()) && !s.encrypted(in.main()))
            .filter(s -> !MainConfig.isYes(s.text(AUTH_ONLY, in.main())))
            .toList();
    if (!clearAuth.isEmpty()) {
      findings.add(authNotRequired(in, clearAuth));
    }
    if (!in.masterKnown()) {
      notes.add("submission service not checked: give --master-cf FILE or use --live");
      return findings;
    }
    List<SmtpdService> submission =
        in.services().stream().filter(SmtpdService::isSubmission).toList();
    if (submission.isEmpty()) {
      notes.add("master.cf has no submission service (port 587)");
    }
    List<SmtpdService> clear = submission.stream().filter(s -> !s.encrypted(in.main())).toList();
    if (!clear.isEmpty()) {
      findings.add(submissionNotEncrypted(in, clear));
    }
    return findings;
  }

  private static Finding authNotRequired(AuditInput in, List<SmtpdService> services) {
    Set<String> postfix = new LinkedHashSet<>();
    for (SmtpdService s : services) {
      if (s.override(AUTH_ONLY).isPresent()) {
        s.label().ifPresent(l -> postfix.add("postconf -P '" + l + "/" + AUTH_ONLY + "=yes'"));
      } else {
        postfix.add("postconf -e '" + AUTH_ONLY + " = yes'");
      }
    }
    List<String> lines = new ArrayList<>(postfix);
    lines.add(PostfixLines.CHECK_AND_RELOAD);
    return AuditFinding.of(
        Verdict.TLS_AUTH_NOT_REQUIRED,
        Severity.WARNING,
        in.host(),
        "AUTH is offered before STARTTLS ("
            + describe(services)
            + "): passwords can cross the network in clear.",
        services.size(),
        evidence(in, services, AUTH_ONLY),
        List.of(
            "postconf smtpd_tls_auth_only smtpd_sasl_auth_enable smtpd_tls_security_level",
            "postconf -P | grep -E 'tls_auth_only|sasl_auth_enable|tls_security_level'",
            "swaks --server MAILSERVER --port 25 --quit-after EHLO   # AUTH listed = offered in"
                + " clear"),
        AuditFinding.postfixFix(
            "Offer AUTH only after STARTTLS. The server needs a certificate"
                + " (smtpd_tls_cert_file, smtpd_tls_key_file), or AUTH is offered to nobody.",
            lines));
  }

  private static Finding submissionNotEncrypted(AuditInput in, List<SmtpdService> services) {
    List<String> lines = new ArrayList<>();
    services.forEach(
        s -> s.label().ifPresent(l -> lines.add("postconf -P '" + l + "/" + LEVEL + "=encrypt'")));
    lines.add(PostfixLines.CHECK_AND_RELOAD);
    return AuditFinding.of(
        Verdict.SUBMISSION_NOT_ENCRYPTED,
        Severity.WARNING,
        in.host(),
        "The submission service ("
            + describe(services)
            + ") does not require TLS: mail clients may log in and send over an unencrypted"
            + " connection.",
        services.size(),
        evidence(in, services, LEVEL),
        List.of(
            "postconf -M submission/inet",
            "postconf -P | grep -E 'submission/inet/smtpd_tls_security_level'",
            "openssl s_client -starttls smtp -crlf -connect MAILSERVER:587"),
        AuditFinding.postfixFix(
            "Require TLS on the submission service (smtpd_tls_security_level=encrypt); the"
                + " server needs a certificate (smtpd_tls_cert_file, smtpd_tls_key_file).",
            lines));
  }

  private static String describe(List<SmtpdService> services) {
    return String.join(", ", services.stream().map(SmtpdService::describe).toList());
  }

  private static List<String> evidence(
      AuditInput in, List<SmtpdService> services, String parameter) {
    List<String> evidence = new ArrayList<>(List.of(in.line(parameter)));
    services.stream().filter(s -> !s.isImplicit()).forEach(s -> evidence.add(s.line()));
    return evidence;
  }
}
