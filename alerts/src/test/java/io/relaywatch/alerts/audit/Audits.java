package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.Finding;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs the audit over texts written in the tests. */
final class Audits {
  /** A configuration that passes every check (with {@link #SAFE_MASTER}). */
  static final String SAFE =
      """
      compatibility_level = 3.6
      myhostname = mx1.example.com
      mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128
      smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination
      smtpd_sasl_auth_enable = yes
      smtpd_sasl_type = dovecot
      smtpd_sasl_path = private/auth
      smtpd_tls_auth_only = yes
      smtpd_tls_security_level = may
      """;

  static final String SAFE_MASTER =
      """
      smtp       inet  n       -       y       -       -       smtpd
      submission inet n       -       y       -       -       smtpd
        -o syslog_name=postfix/submission
        -o smtpd_tls_security_level=encrypt
        -o smtpd_sasl_auth_enable=yes
      pickup     unix  n       -       y       60      1       pickup
      """;

  private Audits() {}

  static VerdictConfig site(String... internal) {
    InternalNetworks networks =
        internal.length == 0 ? InternalNetworks.defaults() : InternalNetworks.of(List.of(internal));
    return new VerdictConfig(
        networks, InternalNetworks.of(List.of()), Set.of(), Optional.empty(), Mta.POSTFIX);
  }

  static Audit.Report run(String postconf, String master, String... internal) {
    MainConfig main = new MainConfig(PostfixParameters.parse(postconf), PostfixParameters.empty());
    return Audit.run(AuditInput.of(main, master, site(internal), false));
  }

  static List<Verdict> verdicts(Audit.Report report) {
    return report.findings().stream().map(Finding::verdict).toList();
  }

  static Finding only(Audit.Report report, Verdict verdict) {
    List<Finding> found = report.findings().stream().filter(f -> f.verdict() == verdict).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + verdict + " finding, got " + report.findings());
    }
    return found.get(0);
  }

  /** The text with the line for {@code name} replaced (or added). */
  static String with(String config, String name, String value) {
    StringBuilder out = new StringBuilder();
    for (String line : config.split("\n")) {
      if (!line.startsWith(name + " =")) {
        out.append(line).append('\n');
      }
    }
    return value == null
        ? out.toString()
        : out.append(name).append(" = ").append(value).append('\n').toString();
  }
}
