package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.MessageStats;
import io.relaywatch.events.Finding;
import io.relaywatch.events.MessageRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages one client got accepted without authenticating for a foreign recipient domain,
 * inside the evaluation window, oldest first. At most {@link #MAX_KEPT} are kept (a relay flood
 * counts as that many, which is plenty to page), each without its lines but the first few.
 */
final class RelayedMessages {
  static final int MAX_KEPT = 1000;

  /** One relayed message, reduced to what the evidence shows. */
  private record Relayed(
      OffsetDateTime lastSeen, String queueId, String host, List<String> domains) {}

  private final ArrayDeque<Relayed> kept = new ArrayDeque<>();
  private final List<String> sampleLines = new ArrayList<>();

  /** Whether the message shows relaying: accepted unauthenticated for a foreign domain. */
  static boolean relayed(MessageRecord m) {
    return m.clientIp() != null && !m.authenticated() && m.leftForForeignDomain();
  }

  void add(MessageRecord m) {
    if (kept.size() >= MAX_KEPT) {
      kept.removeFirst();
    }
    kept.addLast(new Relayed(m.lastSeen(), m.queueId(), m.host(), m.recipientDomains()));
    SessionCounts.addCapped(sampleLines, m.sampleLines(), Finding.MAX_EVIDENCE);
  }

  /**
   * Forgets messages last seen at or before {@code horizon}.
   *
   * @return whether any was forgotten
   */
  boolean expire(Instant horizon) {
    boolean any = false;
    for (Iterator<Relayed> it = kept.iterator(); it.hasNext(); ) {
      if (!it.next().lastSeen().toInstant().isAfter(horizon)) {
        it.remove();
        any = true;
      }
    }
    if (kept.isEmpty()) {
      sampleLines.clear();
    }
    return any;
  }

  boolean isEmpty() {
    return kept.isEmpty();
  }

  OffsetDateTime firstSeen() {
    return kept.stream().map(Relayed::lastSeen).reduce(null, Times::earliest);
  }

  OffsetDateTime lastSeen() {
    return kept.stream().map(Relayed::lastSeen).reduce(null, Times::latest);
  }

  MessageStats stats() {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> domains = new LinkedHashSet<>();
    Set<String> hosts = new LinkedHashSet<>();
    for (Relayed r : kept) {
      if (ids.size() < MessageStats.MAX_QUEUE_IDS) {
        ids.add(r.queueId());
      }
      r.domains().stream()
          .filter(d -> domains.size() < MessageStats.MAX_DOMAINS)
          .forEach(domains::add);
      if (r.host() != null && hosts.size() < MessageStats.MAX_DOMAINS) {
        hosts.add(r.host());
      }
    }
    return new MessageStats(
        kept.size(), List.copyOf(ids), List.copyOf(domains), List.copyOf(hosts), sampleLines);
  }
}
