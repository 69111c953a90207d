package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Streams topics say, turned into {@link Evidence} per subject over a sliding window:
 * relay-denial aggregates, sessions and relayed messages into one {@code ClientEvidence} per client
 * IP, SASL backend errors into one {@code HostEvidence} per mail host, and the aggregates'
 * recipient domains into one {@code DomainEvidence} per domain.
 *
 * <p>The window slides with the wall clock, not with event time: evidence holds while its events
 * are younger than the window, so a finding goes away when the events stop, even if nothing else
 * arrives. Memory is bounded: subjects with nothing left in the window are dropped, and beyond
 * {@link LedgerLimits#maxSubjects()} the least recently updated subject is evicted. Routine
 * sessions (no relay denial, no failed AUTH) of a client not tracked yet are not kept.
 *
 * <p>Not thread-safe: the alert service feeds and reads it from its one loop thread.
 */
public final class EvidenceLedger {
  private final VerdictConfig config;
  private final LedgerLimits limits;
  private final BoundedSubjects<ClientLedger> clients;
  private final BoundedSubjects<HostLedger> hosts;

  /**
   * @param onEviction called once per subject evicted for the cap (not for expiry)
   */
  public EvidenceLedger(VerdictConfig config, LedgerLimits limits, Runnable onEviction) {
    this.config = config;
    this.limits = limits;
    this.clients = new BoundedSubjects<>(limits.maxSubjects(), onEviction);
    this.hosts = new BoundedSubjects<>(limits.maxSubjects(), onEviction);
  }

  /**
   * Takes an aggregate of the configured window size; aggregates of the other sizes Streams writes
   * are skipped.
   *
   * @return whether the aggregate was taken
   */
  public boolean add(RelayDenialAggregate a) {
    if (!hasWindowSize(a)) {
      return false;
    }
    clients.update(a.clientIp(), ip -> client(ip)).add(a);
    return true;
  }

  private boolean hasWindowSize(RelayDenialAggregate a) {
    try {
      return Duration.parse(a.windowSize()).equals(limits.aggregateWindowSize());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * Takes a session; one without a fault starts no new subject.
   *
   * @return whether the session was taken
   */
  public boolean add(SessionRecord s) {
    ClientLedger client =
        SessionCounts.showsAFault(s)
            ? clients.update(s.clientIp(), ip -> client(ip))
            : clients.existing(s.clientIp());
    if (client == null) {
      return false;
    }
    client.add(s);
    return true;
  }

  /**
   * Takes a message from {@code relaywatch.messages}; only one accepted without AUTH for a foreign
   * recipient domain is evidence (of relaying), and only such a one starts a new subject.
   *
   * @return whether the message was taken
   */
  public boolean add(MessageRecord m) {
    if (!RelayedMessages.relayed(m)) {
      return false;
    }
    clients.update(m.clientIp(), ip -> client(ip)).add(m);
    return true;
  }

  private ClientLedger client(String ip) {
    return new ClientLedger(ip, config.internal().contains(ip), limits);
  }

  /** Takes a SASL backend error of a mail host ({@code relaywatch.sasl-backend-errors}). */
  public void addSaslBackendError(MailEvent e) {
    String host = e.host() == null ? "unknown" : e.host();
    hosts.update(host, h -> new HostLedger(h, limits)).add(e);
  }

  /**
   * The evidence of every subject with events inside the window ending at {@code now}: clients,
   * then hosts, then recipient domains. Forgets what fell out of the window.
   */
  public List<Evidence> evidence(Instant now) {
    expire(now.minus(limits.window()));
    List<Evidence> out = new ArrayList<>();
    clients.values().forEach(c -> out.add(c.evidence()));
    hosts.values().forEach(h -> out.add(h.evidence()));
    domains().values().forEach(d -> out.add(d.evidence()));
    return out;
  }

  private void expire(Instant horizon) {
    for (Iterator<ClientLedger> it = clients.values().iterator(); it.hasNext(); ) {
      ClientLedger c = it.next();
      c.expire(horizon);
      if (c.isEmpty()) {
        it.remove();
      }
    }
    for (Iterator<HostLedger> it = hosts.values().iterator(); it.hasNext(); ) {
      HostLedger h = it.next();
      h.expire(horizon);
      if (h.isEmpty()) {
        it.remove();
      }
    }
  }

  private Map<String, DomainTally> domains() {
    Map<String, DomainTally> tallies = new HashMap<>();
    for (ClientLedger c : clients.values()) {
      boolean external = !c.internal();
      c.domains()
          .forEach(
              (domain, tally) ->
                  tallies.computeIfAbsent(domain, DomainTally::new).add(tally, external));
    }
    return new TreeMap<>(tallies);
  }

  /** Client IPs and mail hosts tracked now. */
  public int subjects() {
    return clients.size() + hosts.size();
  }
}
