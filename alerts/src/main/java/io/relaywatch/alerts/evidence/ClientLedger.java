package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.events.Finding;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The relay-denial windows and session counts of one client IP inside the evaluation window. Its
 * evidence is built again only after it changed, so an evaluation of thousands of quiet subjects
 * costs little.
 */
final class ClientLedger {
  /** Recipient domains listed in the evidence, as many as the Streams aggregates list. */
  static final int MAX_DOMAINS = 20;

  private final String clientIp;
  private final boolean internal;
  private final Duration aggregateWindowSize;
  private final NavigableMap<Instant, DenialWindow> windows = new TreeMap<>();
  private final Buckets<SessionCounts> sessions;
  private final RelayedMessages relayed = new RelayedMessages();
  private ClientEvidence evidence;
  private Map<String, DomainTally> domains;

  ClientLedger(String clientIp, boolean internal, LedgerLimits limits) {
    this.clientIp = clientIp;
    this.internal = internal;
    this.aggregateWindowSize = limits.aggregateWindowSize();
    this.sessions = new Buckets<>(limits.bucket());
  }

  /**
   * Keeps the aggregate with the higher count for its window: counts only grow within a window, so
   * that is the newer one even if records arrive twice or out of order.
   */
  void add(RelayDenialAggregate a) {
    DenialWindow old = windows.get(a.windowStart());
    if (old != null && a.count() < old.count()) {
      return;
    }
    windows.put(a.windowStart(), DenialWindow.of(a));
    keepNewestSamples();
    changed();
  }

  /**
   * Keeps the sample lines of the newest windows only, enough for the evidence: the newest windows
   * leave the evaluation window last, so the client never runs out of samples while it has windows.
   */
  private void keepNewestSamples() {
    int kept = 0;
    for (Map.Entry<Instant, DenialWindow> e : windows.descendingMap().entrySet()) {
      DenialWindow w = e.getValue();
      if (kept >= Finding.MAX_EVIDENCE && !w.sampleLines().isEmpty()) {
        e.setValue(w.withoutSamples());
      }
      kept += w.sampleLines().size();
    }
  }

  void add(SessionRecord s) {
    sessions.at(s.end().toInstant(), SessionCounts::new).add(s);
    changed();
  }

  /** Takes a message accepted from the client without AUTH for a foreign domain. */
  void add(MessageRecord m) {
    relayed.add(m);
    changed();
  }

  /** Forgets windows, sessions and messages that ended at or before {@code horizon}. */
  void expire(Instant horizon) {
    NavigableMap<Instant, DenialWindow> ended =
        windows.headMap(horizon.minus(aggregateWindowSize), true);
    boolean changed = !ended.isEmpty();
    ended.clear();
    changed |= relayed.expire(horizon);
    if (sessions.expire(horizon) || changed) {
      changed();
    }
  }

  boolean isEmpty() {
    return windows.isEmpty() && sessions.isEmpty() && relayed.isEmpty();
  }

  String clientIp() {
    return clientIp;
  }

  /** Whether the client is inside {@code networks.internal}. */
  boolean internal() {
    return internal;
  }

  private void changed() {
    evidence = null;
    domains = null;
  }

  /** This client's denials per recipient domain. */
  Map<String, DomainTally> domains() {
    if (domains == null) {
      domains = new HashMap<>();
      for (DenialWindow w : windows.values()) {
        for (String domain : w.domains()) {
          domains.computeIfAbsent(domain, DomainTally::new).add(w);
        }
      }
    }
    return domains;
  }

  ClientEvidence evidence() {
    if (evidence == null) {
      evidence = build();
    }
    return evidence;
  }

  private ClientEvidence build() {
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
    for (DenialWindow w : windows.values()) {
      denials += w.count();
      local += w.localSenders();
      foreign += w.foreignSenders();
      widestWindow = Math.max(widestWindow, w.recipientDomains());
      domains.addAll(w.domains());
      services.addAll(w.services());
      hosts.addAll(w.mailHosts());
      SessionCounts.addCapped(samples, w.sampleLines(), Finding.MAX_EVIDENCE);
      first = Times.earliest(first, w.firstSeen());
      last = Times.latest(last, w.lastSeen());
    }
    for (SessionCounts c : sessions.values()) {
      first = Times.earliest(first, c.firstSeen);
      last = Times.latest(last, c.lastSeen);
    }
    first = Times.earliest(first, relayed.firstSeen());
    last = Times.latest(last, relayed.lastSeen());
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
        samples,
        relayed.stats());
  }
}
