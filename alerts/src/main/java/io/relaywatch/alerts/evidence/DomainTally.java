package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.DomainEvidence;
import io.relaywatch.events.Finding;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The relay denials of one recipient domain: per client while the client's windows are summed
 * ({@link #add(DenialWindow)}), then over all clients ({@link #add(DomainTally, boolean)}), at
 * evaluation time, so that domains need no state (nor eviction) of their own.
 */
final class DomainTally {
  private final String domain;
  private final String address;
  private final List<String> samples = new ArrayList<>();
  private long denials;
  private long clients;
  private long externalClients;
  private OffsetDateTime first;
  private OffsetDateTime last;

  DomainTally(String domain) {
    this.domain = domain;
    this.address = "@" + domain;
  }

  /**
   * Counts a window of one client that lists the domain. Aggregates count denials per client, not
   * per domain: all of them belong to the domain only when it is the window's one recipient domain,
   * otherwise at least one does.
   */
  void add(DenialWindow w) {
    denials += w.onlyDomain() ? w.count() : 1;
    first = Times.earliest(first, w.firstSeen());
    last = Times.latest(last, w.lastSeen());
    for (String line : w.sampleLines()) {
      if (samples.size() < Finding.MAX_EVIDENCE
          && line.toLowerCase(Locale.ROOT).contains(address)
          && !samples.contains(line)) {
        samples.add(line);
      }
    }
  }

  /** Adds one client's tally of the domain. */
  void add(DomainTally client, boolean external) {
    denials += client.denials;
    clients++;
    if (external) {
      externalClients++;
    }
    first = Times.earliest(first, client.first);
    last = Times.latest(last, client.last);
    SessionCounts.addCapped(samples, client.samples, Finding.MAX_EVIDENCE);
  }

  DomainEvidence evidence() {
    return new DomainEvidence(domain, denials, clients, externalClients, first, last, samples);
  }
}
