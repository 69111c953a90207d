package io.relaywatch.alerts.audit;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code mynetworks} value the audit proposes, with the safety rules of {@code
 * fix.MynetworksProposal}: only what {@code networks.internal} covers, and never a network wider
 * than /24 (IPv4) or /64 (IPv6). A current entry is kept when it qualifies; one that does not is
 * replaced by the internal networks inside it that qualify, plus the loopback host ({@code
 * 127.0.0.1/32}, {@code [::1]/128}) when it covered it and loopback is internal, so local programs
 * keep relaying. Entries are printed from parsed networks only; each is checked once more before it
 * can be proposed.
 *
 * @param entries the entries, canonical, in order
 * @param droppedInternal whether an internal network was left out for being too wide
 */
record NarrowedMynetworks(List<String> entries, boolean droppedInternal) {
  private static final List<IPAddress> LOOPBACK =
      List.of(
          new IPAddressString("127.0.0.1").getAddress(), new IPAddressString("::1").getAddress());

  NarrowedMynetworks {
    entries = List.copyOf(entries);
  }

  static NarrowedMynetworks of(List<IPAddress> current, Networks networks) {
    List<IPAddress> chosen = new ArrayList<>();
    boolean dropped = false;
    for (IPAddress n : current) {
      boolean covered = networks.covered(n);
      if (covered && Networks.narrowEnough(n)) {
        chosen.add(n);
        continue;
      }
      dropped |= covered;
      for (IPAddress internal : networks.internalWithin(n)) {
        if (Networks.narrowEnough(internal)) {
          chosen.add(internal);
        } else {
          dropped = true;
        }
      }
      for (IPAddress host : LOOPBACK) {
        if (n.getIPVersion() == host.getIPVersion() && n.contains(host) && networks.covered(host)) {
          chosen.add(host);
        }
      }
    }
    return new NarrowedMynetworks(printed(chosen, networks), dropped);
  }

  private static List<String> printed(List<IPAddress> chosen, Networks networks) {
    Set<String> entries = new LinkedHashSet<>();
    for (IPAddress n : chosen) {
      boolean inside =
          chosen.stream().anyMatch(o -> o != n && !o.equals(n) && containsStrictly(o, n));
      if (!inside) {
        entries.add(checked(Networks.print(n), networks));
      }
    }
    return new ArrayList<>(entries);
  }

  private static boolean containsStrictly(IPAddress outer, IPAddress inner) {
    return outer.getIPVersion() == inner.getIPVersion()
        && outer.contains(inner)
        && !inner.contains(outer);
  }

  /** The guard: whatever built it, an entry outside internal or too wide is never proposed. */
  private static String checked(String entry, Networks networks) {
    IPAddress parsed =
        Networks.literal(entry)
            .orElseThrow(() -> new IllegalStateException("not a network: " + entry));
    if (!networks.covered(parsed) || !Networks.narrowEnough(parsed)) {
      throw new IllegalStateException("refusing to propose mynetworks entry " + entry);
    }
    return entry;
  }

  /** {@code mynetworks = ...}, the argument of {@code postconf -e}. */
  String setting() {
    return entries.isEmpty() ? "mynetworks =" : "mynetworks = " + String.join(" ", entries);
  }
}
