package io.relaywatch.streams.report;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MailEvent;

/** One client's refused relay attempts. */
final class RelayDenialTally extends ClientTally {
  private final DistinctCounter domains;

  RelayDenialTally(String clientIp, int maxDomains, DistinctCounter.Budget budget) {
    super(clientIp);
    this.domains = new DistinctCounter(maxDomains, budget);
  }

  void add(MailEvent event) {
    seen(event.timestamp());
    domains.add(event.recipientDomain());
  }

  @Override
  void release() {
    domains.release();
  }

  ReportSummary.RelayDeniedClient toSummary(InternalNetworks internal) {
    return new ReportSummary.RelayDeniedClient(
        clientIp(),
        count(),
        domains.count(),
        domains.saturated(),
        firstSeen(),
        lastSeen(),
        ReportSummary.Network.of(clientIp(), internal));
  }
}
