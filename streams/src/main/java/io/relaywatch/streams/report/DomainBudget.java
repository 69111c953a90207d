package io.relaywatch.streams.report;

/** How many more recipient domains all clients of one report may remember together. */
final class DomainBudget {
  private long remaining;

  DomainBudget(long total) {
    this.remaining = total;
  }

  boolean take() {
    if (remaining <= 0) {
      return false;
    }
    remaining--;
    return true;
  }

  void release(long count) {
    remaining += count;
  }
}
