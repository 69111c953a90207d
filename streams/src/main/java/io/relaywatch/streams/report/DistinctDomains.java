package io.relaywatch.streams.report;

/**
 * The distinct recipient domains of one client, exact up to a limit. Domains are kept as 64-bit
 * hashes in an open-addressing table (16 bytes a domain at most, no strings held): two domains
 * share a hash with a probability of about 1 in 10^13 at the default limit of 1,000.
 */
final class DistinctDomains {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final int limit;
  private final DomainBudget budget;
  private long[] slots = new long[4];
  private int size;
  private boolean saturated;

  DistinctDomains(int limit, DomainBudget budget) {
    this.limit = limit;
    this.budget = budget;
  }

  void add(String domain) {
    if (domain == null || domain.isEmpty()) {
      return;
    }
    long hash = hash(domain);
    int slot = find(hash);
    if (slots[slot] == hash) {
      return;
    }
    // A domain not seen before that cannot be stored: the count becomes a lower bound.
    if (size >= limit || !budget.take()) {
      saturated = true;
      return;
    }
    slots[slot] = hash;
    size++;
    if (size * 2 > slots.length) {
      grow();
    }
  }

  /** How many distinct domains were counted; a lower bound when {@link #saturated()}. */
  int count() {
    return size;
  }

  /** Whether domains were seen that could not be counted. */
  boolean saturated() {
    return saturated;
  }

  /** Gives this client's share of the domain budget back, when the client is dropped. */
  void release() {
    budget.release(size);
  }

  private int find(long hash) {
    int mask = slots.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (slots[slot] != 0 && slots[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long hash : old) {
      if (hash != 0) {
        slots[find(hash)] = hash;
      }
    }
  }

  /** FNV-1a over the lower-cased characters; 0 marks an empty slot, so it is never returned. */
  static long hash(String domain) {
    long hash = FNV_OFFSET;
    for (int i = 0; i < domain.length(); i++) {
      hash ^= Character.toLowerCase(domain.charAt(i));
      hash *= FNV_PRIME;
    }
    return hash == 0 ? 1 : hash;
  }
}
