package io.relaywatch.streams.report;

/**
 * Distinct values (recipient domains, client IPs) of one subject, exact up to a limit. Values are
 * kept as 64-bit hashes in an open-addressing table (no strings held): two values share a hash with
 * a probability of about 1 in 10^13 at the default limit of 1,000. Shared by the offline report
 * (recipient domains per client) and {@code relaywatch diagnose}.
 */
public final class DistinctCounter {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final int limit;
  private final Budget budget;
  private long[] slots = new long[4];
  private int size;
  private boolean saturated;

  /** How many values all counters of one diagnosis may remember together. */
  public static final class Budget {
    private long remaining;

    /**
     * @param total how many values all counters sharing this budget may hold at once
     */
    public Budget(long total) {
      this.remaining = total;
    }

    private boolean take() {
      if (remaining <= 0) {
        return false;
      }
      remaining--;
      return true;
    }

    private void release(long count) {
      remaining += count;
    }
  }

  /**
   * @param limit the most values this counter holds
   * @param budget shared with the other counters of one report or diagnosis
   */
  public DistinctCounter(int limit, Budget budget) {
    this.limit = limit;
    this.budget = budget;
  }

  /** Counts the value; returns true when it was not seen before (and could be counted). */
  public boolean add(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    long hash = hash(value);
    int slot = find(hash);
    if (slots[slot] == hash) {
      return false;
    }
    // A value not seen before that cannot be stored: the count becomes a lower bound.
    if (size >= limit || !budget.take()) {
      saturated = true;
      return false;
    }
    slots[slot] = hash;
    size++;
    if (size * 2 > slots.length) {
      grow();
    }
    return true;
  }

  /** Whether the value was counted. */
  public boolean contains(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    long hash = hash(value);
    return slots[find(hash)] == hash;
  }

  /** Distinct values counted; a lower bound when {@link #saturated()}. */
  public int count() {
    return size;
  }

  /** Whether values were seen that could not be counted. */
  public boolean saturated() {
    return saturated;
  }

  /** Gives this counter's share of the budget back, when its subject is dropped. */
  public void release() {
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
  static long hash(String value) {
    long hash = FNV_OFFSET;
    for (int i = 0; i < value.length(); i++) {
      hash ^= Character.toLowerCase(value.charAt(i));
      hash *= FNV_PRIME;
    }
    return hash == 0 ? 1 : hash;
  }
}
