package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.events.Finding;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The relay-denial windows and session counts of one client IP inside the evaluation window. */
final class ClientLedger {
  /** Recipient domains listed in the evidence, as many as the Streams aggregates list. */
  static final int MAX_DOMAINS = 20;

  private final String clientIp;
  private final Duration aggregateWindowSize;
  private final NavigableMap<Instant, RelayDenialAggregate> windows = new TreeMap<>();
  private final Buckets<SessionCounts> sessions;

  ClientLedger(String clientIp, LedgerLimits limits) {
    this.clientIp = clientIp;
    this.aggregateWindowSize = limits.aggregateWindowSize();
    this.sessions = new Buckets<>(limits.bucket());
  }

  /**
   * Keeps the aggregate with the higher count for its window: counts only grow within a window, so
   * that is the newer one even if records arrive twice or out of order.
   */
  void add(RelayDenialAggregate a) {
    windows.merge(a.windowStart(), a, (old, neu) -> neu.count() >= old.count() ? neu : old);
  }

  void add(SessionRecord s) {
    sessions.at(s.end().toInstant(), SessionCounts::new).add(s);
  }

  /** Forgets windows and sessions that ended at or before {@code horizon}. */
  void expire(Instant horizon) {
    windows.headMap(horizon.minus(aggregateWindowSize), true).clear();
    sessions.expire(horizon);
  }

  boolean isEmpty() {
    return windows.isEmpty() && sessions.isEmpty();
  }

  String clientIp() {
    return clientIp;
  }

  /** The aggregates inside the window, oldest window first. */
  Collection<RelayDenialAggregate> aggregates() {
    return windows.values();
  }

  ClientEvidence evidence() {
    long denials = 0;
    long local = 0;
    long foreign = 0;
    long widestWindow = 0;
    Set<String> domains = new LinkedHashSet<>();
    Set<String> services = new TreeSet<>();
    Set<String> hosts = new TreeSet<>();
    List<String> samples = new ArrayList<>();
    OffsetDateTime first = null;
    OffsetDateTime last = null;
    for (RelayDenialAggregate a : windows.values()) {
      denials += a.count();
      local += a.localSenders();
      foreign += a.foreignSenders();
      widestWindow = Math.max(widestWindow, a.recipientDomains());
      a.recipientDomainList().forEach(d -> domains.add(d.toLowerCase(Locale.ROOT)));
      services.addAll(a.services());
      hosts.addAll(a.mailHosts());
      SessionCounts.addCapped(samples, a.sampleLines(), Finding.MAX_EVIDENCE);
      first = Times.earliest(first, a.firstSeen());
      last = Times.latest(last, a.lastSeen());
    }
    for (SessionCounts c : sessions.values()) {
      first = Times.earliest(first, c.firstSeen);
      last = Times.latest(last, c.lastSeen);
    }
    // Windows do not share their distinct counts: the widest window or the listed union, whichever
    // is larger, is a lower bound of the distinct domains over the evaluation window.
    long distinctDomains = Math.max(widestWindow, domains.size());
    return new ClientEvidence(
        clientIp,
        denials,
        distinctDomains,
        domains.stream().limit(MAX_DOMAINS).toList(),
        local,
        foreign,
        services,
        // The aggregates do not say which MTA logged them.
        Set.of(),
        hosts,
        SessionCounts.sum(sessions.values()),
        first,
        last,
        samples);
  }
}
