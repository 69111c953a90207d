package io.relaywatch.events;

import java.util.function.UnaryOperator;

/**
 * The last canonical form made for each of a fixed number of hash slots: a client that connects
 * again (a prober, a misconfigured app server) has its address text canonicalised once, not on
 * every line. Parsing an IPv6 address with the library took about a seventh of a report's time.
 *
 * <p>Direct-mapped, a slot per hash, no eviction policy: an attacker who cycles addresses only
 * turns hits into misses, never grows memory. Safe to share between threads without locks: slots
 * hold immutable entries, so a race costs a miss, never a wrong answer. A cache library would bring
 * eviction policies and statistics that a memo of this kind has no use for.
 */
final class CanonicalMemo {
  private static final int SLOTS = 4096; // a power of two: the mask below picks the slot

  private final Entry[] slots = new Entry[SLOTS];
  private final UnaryOperator<String> canonical;

  CanonicalMemo(UnaryOperator<String> canonical) {
    this.canonical = canonical;
  }

  /** The canonical form of the text (null when it is not an address), from the memo if there. */
  String get(String text) {
    int slot = spread(text.hashCode()) & (SLOTS - 1);
    Entry entry = slots[slot];
    if (entry != null && entry.text.equals(text)) {
      return entry.canonical;
    }
    String made = canonical.apply(text);
    slots[slot] = new Entry(text, made);
    return made;
  }

  // Address texts differ mostly in their last characters, which String.hashCode puts in the low
  // bits already; mixing in the high bits keeps similar prefixes from sharing slots.
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private record Entry(String text, String canonical) {}
}
