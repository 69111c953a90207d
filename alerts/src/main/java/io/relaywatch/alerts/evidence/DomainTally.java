package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.DomainEvidence;
import io.relaywatch.events.Finding;
import io.relaywatch.events.RelayDenialAggregate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The relay denials of one recipient domain over all clients, summed from the clients' aggregates
 * at evaluation time, so that domains need no state (nor eviction) of their own.
 */
final class DomainTally {
  private final String domain;
  private final Set<String> clients = new HashSet<>();
  private final Set<String> externalClients = new HashSet<>();
  private final List<String> samples = new ArrayList<>();
  private long denials;
  private OffsetDateTime first;
  private OffsetDateTime last;

  DomainTally(String domain) {
    this.domain = domain;
  }

  /**
   * Counts an aggregate that lists the domain. Aggregates count denials per client, not per domain:
   * all of them belong to the domain only when it is the window's one recipient domain, otherwise
   * at least one does.
   */
  void add(RelayDenialAggregate a, boolean external, boolean onlyDomain) {
    denials += onlyDomain ? a.count() : 1;
    clients.add(a.clientIp());
    if (external) {
      externalClients.add(a.clientIp());
    }
    first = Times.earliest(first, a.firstSeen());
    last = Times.latest(last, a.lastSeen());
    String address = "@" + domain;
    for (String line : a.sampleLines()) {
      if (samples.size() < Finding.MAX_EVIDENCE
          && line.toLowerCase(Locale.ROOT).contains(address)
          && !samples.contains(line)) {
        samples.add(line);
      }
    }
  }

  DomainEvidence evidence() {
    return new DomainEvidence(
        domain, denials, clients.size(), externalClients.size(), first, last, samples);
  }
}
