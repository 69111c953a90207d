package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.MessageStats;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.Hostnames;
import io.relaywatch.alerts.engine.fix.MynetworksNarrowing;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code server_is_open_relay}: a client outside {@code networks.internal} that did not
 * authenticate had a message accepted for a recipient domain outside {@code localDomains}, whether
 * or not it was delivered. The worst relay finding: the server relays for strangers. The fix
 * narrows {@code mynetworks}, checks the relay restrictions and holds exactly the queued messages
 * (see {@link OpenRelayFix}).
 */
final class ServerIsOpenRelay implements Rule {
  private final Severity severity;
  private final long minRelayedMessages;

  ServerIsOpenRelay(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minRelayedMessages = thresholds.count("minRelayedMessages");
  }

  @Override
  public Verdict verdict() {
    return Verdict.SERVER_IS_OPEN_RELAY;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    return ClientFacts.of(evidence, config)
        .filter(c -> fires(c.evidence().messages(), c, config))
        .map(c -> finding(c, config));
  }

  private boolean fires(MessageStats m, ClientFacts client, VerdictConfig config) {
    if (client.internal() || m.relayedMessages() < Math.max(1, minRelayedMessages)) {
      return false;
    }
    // Streams judged "foreign" with its own localDomains; a domain ours by this config is not.
    return m.recipientDomains().isEmpty() || !outsideDomains(m, config).isEmpty();
  }

  static List<String> outsideDomains(MessageStats m, VerdictConfig config) {
    return m.recipientDomains().stream()
        .filter(d -> d != null && !isLocal(d.toLowerCase(Locale.ROOT), config))
        .toList();
  }

  private static boolean isLocal(String domain, VerdictConfig config) {
    return config.localDomains().stream()
        .anyMatch(l -> domain.equals(l) || domain.endsWith("." + l));
  }

  private Finding finding(ClientFacts client, VerdictConfig config) {
    ClientEvidence e = client.evidence();
    MessageStats m = e.messages();
    MynetworksNarrowing narrowing = MynetworksNarrowing.of(client.address(), config);
    List<String> lines = m.sampleLines().isEmpty() ? e.sampleLines() : m.sampleLines();
    return new Finding(
        verdict(),
        severity,
        client.ip(),
        client.ip(),
        summary(client, m, config, narrowing),
        m.relayedMessages(),
        e.firstSeen(),
        e.lastSeen(),
        lines.size() > Finding.MAX_EVIDENCE ? lines.subList(0, Finding.MAX_EVIDENCE) : lines,
        OpenRelayFix.diagnostics(client),
        OpenRelayFix.fix(client, m, narrowing));
  }

  private static String summary(
      ClientFacts client, MessageStats m, VerdictConfig config, MynetworksNarrowing narrowing) {
    // Domains are log text: only those that read as plain host names are named.
    List<String> named =
        outsideDomains(m, config).stream()
            .map(d -> Hostnames.validated(d).orElse(null))
            .filter(d -> d != null)
            .limit(3)
            .toList();
    String to = named.isEmpty() ? "outside domains" : String.join(", ", named);
    String how =
        narrowing.clientCovered()
            ? " mynetworks covers it (" + String.join(" ", narrowing.covering()) + ")."
            : " Check mynetworks and the relay restrictions.";
    return client.ip()
        + " is outside the internal networks and did not authenticate, yet this server accepted "
        + Findings.plural(m.relayedMessages(), "message")
        + " from it for "
        + to
        + ": an open relay."
        + how;
  }
}
