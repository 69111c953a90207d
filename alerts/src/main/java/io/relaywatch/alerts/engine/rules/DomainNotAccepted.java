package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.DomainEvidence;
import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.Hostnames;
import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.alerts.engine.rules.Findings.MtaParts;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code domain_not_accepted}: many clients, mostly outside mail servers, were refused relay to a
 * domain that is one of {@code localDomains}: the MTA does not know it is the domain's destination,
 * so its inbound mail bounces. The domain in the fix is the configured one, checked as a host name.
 */
final class DomainNotAccepted implements Rule {
  private final Severity severity;
  private final long minClients;
  private final double minExternalShare;

  DomainNotAccepted(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minClients = thresholds.count("minClients");
    this.minExternalShare = thresholds.share("minExternalShare");
  }

  @Override
  public Verdict verdict() {
    return Verdict.DOMAIN_NOT_ACCEPTED;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    if (!(evidence instanceof DomainEvidence domain) || !fires(domain)) {
      return Optional.empty();
    }
    return localDomain(domain.domain(), config).map(name -> finding(domain, name, config));
  }

  private boolean fires(DomainEvidence domain) {
    return domain.clients() >= minClients
        && domain.clients() > 0
        && domain.externalClients() >= minExternalShare * domain.clients();
  }

  /** The configured spelling of the domain, when it is a local domain and a plain host name. */
  private static Optional<String> localDomain(String logged, VerdictConfig config) {
    if (logged == null) {
      return Optional.empty();
    }
    String lower = logged.toLowerCase(Locale.ROOT);
    return config.localDomains().stream()
        .filter(lower::equals)
        .findFirst()
        .flatMap(Hostnames::validated);
  }

  private Finding finding(DomainEvidence evidence, String domain, VerdictConfig config) {
    MtaParts parts = Findings.mtaParts(Set.of(), config);
    String summary =
        "Mail for "
            + domain
            + " was refused relay for "
            + Findings.plural(evidence.clients(), "client")
            + " ("
            + evidence.externalClients()
            + " outside): the MTA does not accept "
            + domain
            + " although it is a local domain.";
    Fix fix =
        new Fix(
            "Add "
                + domain
                + " to the list that holds the other local domains (Postfix relay_domains when"
                + " this server forwards to an inner mail store, virtual_mailbox_domains for"
                + " virtual mailboxes, mydestination for local users; Exim local_domains or"
                + " relay_to_domains), keeping the current entries: replace CURRENT with them.",
            parts.postfix(
                List.of(
                    "postconf -n mydestination virtual_mailbox_domains relay_domains",
                    "postconf -e 'relay_domains = CURRENT " + domain + "'",
                    PostfixLines.CHECK_AND_RELOAD)),
            parts.exim(List.of("domainlist local_domains = CURRENT : " + domain)),
            null,
            null);
    List<String> diagnostics =
        parts.diagnostics(
            List.of("postconf -n mydestination virtual_mailbox_domains relay_domains"),
            List.of("exim -bt postmaster@" + domain),
            List.of("dig +short MX " + domain));
    return Findings.about(
        verdict(), severity, domain, evidence, summary, evidence.relayDenials(), diagnostics, fix);
  }
}
