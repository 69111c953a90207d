package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.DomainEvidence;
import io.relaywatch.events.Finding;
import io.relaywatch.events.MailEvent;
import io.relaywatch.streams.report.DistinctCounter;
import java.util.function.Predicate;

/** The relay denials of one recipient domain, over all clients. */
final class DomainTally implements BoundedTable.Tally {
  private final String domain;
  private final DistinctCounter clients;
  private final FirstValues lines =
      FirstValues.first(Finding.MAX_EVIDENCE, ClientTally.MAX_LINE_CHARS);
  private long relayDenials;
  private long externalClients;
  private final TimeSpan seen = new TimeSpan();

  DomainTally(String domain, int maxClients, DistinctCounter.Budget budget) {
    this.domain = domain;
    this.clients = new DistinctCounter(maxClients, budget);
  }

  /** A relay denial with a recipient in this domain; {@code external} tells clients not ours. */
  void add(MailEvent event, Predicate<String> external) {
    relayDenials++;
    if (clients.add(event.clientIp()) && external.test(event.clientIp())) {
      externalClients++;
    }
    lines.add(event.raw());
    seen.widen(event.timestamp());
  }

  DomainEvidence toEvidence() {
    return new DomainEvidence(
        domain,
        relayDenials,
        clients.count(),
        externalClients,
        seen.first(),
        seen.last(),
        lines.values());
  }

  /** Whether more clients were seen than could be counted. */
  boolean clientsSaturated() {
    return clients.saturated();
  }

  @Override
  public String subject() {
    return domain;
  }

  @Override
  public long weight() {
    return relayDenials;
  }

  @Override
  public long events() {
    return relayDenials;
  }

  @Override
  public void release() {
    clients.release();
  }
}
