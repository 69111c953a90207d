package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.rules.Findings.MtaParts;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code open_relay_probe}: an outside client, using foreign senders, tries to relay: to many
 * outside domains, many times, or to an address literal or source-routed recipient (relay testers'
 * classic {@code user@[192.0.2.1]}, {@code user%host}). A security finding: the fix blocks the
 * client and checks that relaying is refused. It never proposes {@code mynetworks}.
 */
final class OpenRelayProbe implements Rule {
  private final Severity severity;
  private final long minRecipientDomains;
  private final long minDenials;

  OpenRelayProbe(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minRecipientDomains = thresholds.count("minRecipientDomains");
    this.minDenials = thresholds.count("minDenials");
  }

  @Override
  public Verdict verdict() {
    return Verdict.OPEN_RELAY_PROBE;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    return ClientFacts.of(evidence, config)
        .filter(c -> fires(c, config))
        .map(c -> finding(c, config));
  }

  private boolean fires(ClientFacts client, VerdictConfig config) {
    ClientEvidence e = client.evidence();
    if (client.internal() || e.foreignSenders() == 0 || e.foreignSenders() < e.localSenders()) {
      return false;
    }
    if (e.recipientDomainList().stream().anyMatch(OpenRelayProbe::isRelayTestDomain)) {
      return true;
    }
    long outside = outsideDomains(e, config);
    return outside > 0 && (outside >= minRecipientDomains || e.relayDenials() >= minDenials);
  }

  /**
   * Recipient domains not among the local ones: mail to our own domains is not a relay probe.
   * Evidence without domains still had a recipient the MTA would not relay to, so counts as one.
   */
  private static long outsideDomains(ClientEvidence e, VerdictConfig config) {
    List<String> domains = e.recipientDomainList();
    if (domains.isEmpty()) {
      return Math.max(1, e.recipientDomains());
    }
    long local =
        domains.stream()
            .filter(d -> d != null && config.localDomains().contains(d.toLowerCase(Locale.ROOT)))
            .count();
    return Math.max(0, Math.max(e.recipientDomains(), domains.size()) - local);
  }

  /** An address literal or a domain with routing characters: no legitimate client sends these. */
  static boolean isRelayTestDomain(String domain) {
    return domain != null
        && (domain.startsWith("[") || domain.chars().anyMatch(ch -> "%!@\"".indexOf(ch) >= 0));
  }

  private Finding finding(ClientFacts client, VerdictConfig config) {
    ClientEvidence e = client.evidence();
    MtaParts parts = Findings.mtaParts(e.mtas(), config);
    String summary =
        client.ip()
            + " is outside the internal networks and tried to relay "
            + Findings.plural(e.relayDenials(), "time")
            + " for foreign senders to "
            + Findings.plural(outsideDomains(e, config), "outside domain")
            + ": a relay probe. Block it; never add it to mynetworks.";
    Fix fix =
        new Fix(
            "Block "
                + client.ip()
                + " (postscreen access list, firewall or fail2ban) and confirm that relaying is"
                + " refused: smtpd_relay_restrictions must end in reject_unauth_destination or"
                + " defer_unauth_destination.",
            parts.postfix(ProbeBlocking.postfix(client)),
            parts.exim(ProbeBlocking.exim(client)),
            null,
            null);
    List<String> diagnostics =
        parts.diagnostics(
            List.of(
                "postconf -h smtpd_relay_restrictions   # must end in reject_unauth_destination"
                    + " or defer_unauth_destination",
                "postconf -M smtp/inet   # the postscreen access list needs postscreen here"),
            List.of("exim -bh " + client.ip() + "   # simulates a session from the client"),
            List.of());
    return Findings.client(
        verdict(), severity, client, summary, e.relayDenials(), diagnostics, fix);
  }
}
