package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link FoldClock} per mail host for a fold whose keys start with {@code <host>|}. Several
 * hosts share a raw-lines partition, and one of them may be hours behind the others (its shipper
 * catching up after an outage): on a shared clock its sessions and messages would time out as soon
 * as they opened, every line a session of its own. On its own clock a host's items time out after
 * the timeout of that host's log time.
 *
 * <p>The price: a host that stops logging keeps its last open items until it logs again, since
 * nothing moves its clock. Beyond {@link #MAX_HOSTS} (forged host names, not mail servers) the
 * hosts share one clock whose scans cover every item, as a single clock did.
 */
final class HostClocks {
  static final int MAX_HOSTS = 10_000;

  /** Told which items a due scan covers (a key prefix) and the clock's time. */
  interface Scan {
    void quietItems(String keyPrefix, long clockTime);
  }

  private final Duration interval;
  private final Map<String, FoldClock> clocks = new HashMap<>();
  private final FoldClock shared;

  HostClocks(Duration interval) {
    this.interval = interval;
    this.shared = new FoldClock(interval);
  }

  /** The key prefix of a host's items, as the folds build their keys. */
  static String keyPrefix(String host) {
    return host + "|";
  }

  /** The record time of an event read from a log, on its host's clock. */
  long recordTime(MailEvent event) {
    return clockOf(event.host()).recordTime(event);
  }

  /** Moves the event's host's clock; a due scan is run first, over that host's items. */
  void advance(String host, long recordTime, Scan scan) {
    FoldClock clock = clockOf(host);
    String prefix = clock == shared ? "" : keyPrefix(host);
    clock.advance(recordTime, time -> scan.quietItems(prefix, time));
  }

  private FoldClock clockOf(String host) {
    String name = String.valueOf(host);
    FoldClock clock = clocks.get(name);
    if (clock == null) {
      if (clocks.size() >= MAX_HOSTS) {
        return shared;
      }
      clock = new FoldClock(interval);
      clocks.put(name, clock);
    }
    return clock;
  }
}
