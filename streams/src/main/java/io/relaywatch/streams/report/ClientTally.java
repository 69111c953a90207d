package io.relaywatch.streams.report;

import java.time.OffsetDateTime;

/** What a report knows about one client address: how often and when it was seen. */
abstract class ClientTally {
  private final String clientIp;
  private long count;
  private OffsetDateTime firstSeen;
  private OffsetDateTime lastSeen;

  ClientTally(String clientIp) {
    this.clientIp = clientIp;
  }

  final void seen(OffsetDateTime at) {
    count++;
    if (firstSeen == null || at.isBefore(firstSeen)) {
      firstSeen = at;
    }
    if (lastSeen == null || at.isAfter(lastSeen)) {
      lastSeen = at;
    }
  }

  /** Frees what this tally holds in shared budgets; called when the table drops it. */
  void release() {}

  final String clientIp() {
    return clientIp;
  }

  final long count() {
    return count;
  }

  final OffsetDateTime firstSeen() {
    return firstSeen;
  }

  final OffsetDateTime lastSeen() {
    return lastSeen;
  }
}
