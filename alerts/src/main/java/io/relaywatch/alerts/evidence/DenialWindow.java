package io.relaywatch.alerts.evidence;

import io.relaywatch.events.RelayDenialAggregate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the ledger keeps of one relay-denial aggregate: its numbers and lists, with the strings that
 * repeat from window to window (domains, services, hosts) shared, and sample lines only when the
 * client needs them. A client probing for an hour holds 60 of these.
 */
record DenialWindow(
    Instant start,
    long count,
    long recipientDomains,
    boolean onlyDomain,
    List<String> domains,
    long localSenders,
    long foreignSenders,
    List<String> services,
    List<String> mailHosts,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    List<String> sampleLines) {

  static DenialWindow of(RelayDenialAggregate a) {
    List<String> domains = new ArrayList<>(a.recipientDomainList().size());
    for (String d : a.recipientDomainList()) {
      String lower = d.toLowerCase(Locale.ROOT).intern();
      if (!domains.contains(lower)) {
        domains.add(lower);
      }
    }
    return new DenialWindow(
        a.windowStart(),
        a.count(),
        a.recipientDomains(),
        domains.size() == 1 && a.recipientDomains() == 1 && a.recipientDomainsExact(),
        List.copyOf(domains),
        a.localSenders(),
        a.foreignSenders(),
        interned(a.services()),
        interned(a.mailHosts()),
        a.firstSeen(),
        a.lastSeen(),
        a.sampleLines());
  }

  DenialWindow withoutSamples() {
    return new DenialWindow(
        start,
        count,
        recipientDomains,
        onlyDomain,
        domains,
        localSenders,
        foreignSenders,
        services,
        mailHosts,
        firstSeen,
        lastSeen,
        List.of());
  }

  // Services and mail hosts are a handful of names repeated in every window of every client.
  private static List<String> interned(List<String> names) {
    return names.isEmpty() ? List.of() : names.stream().map(String::intern).toList();
  }
}
