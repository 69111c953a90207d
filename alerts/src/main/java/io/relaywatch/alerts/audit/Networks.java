package io.relaywatch.alerts.audit;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv6.IPv6Address;
import io.relaywatch.alerts.engine.fix.MynetworksProposal;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Address arithmetic for the {@code mynetworks} check: literal entries parsed strictly, IPv4-mapped
 * IPv6 networks read as the IPv4 networks they are, coverage by {@code networks.internal} as a
 * union, and the one canonical way an entry is printed in a proposal.
 */
final class Networks {
  private static final Pattern IPV4 =
      Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}(?:/[0-9]{1,2})?");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\](?:/[0-9]{1,3})?");
  private static final Pattern PRINTED =
      Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}/[0-9]{1,2}|\\[[0-9a-f:]{2,39}\\]/[0-9]{1,3}");
  private static final int MAPPED_PREFIX = 96;

  private final List<IPAddress> internal;

  Networks(InternalNetworks internal) {
    List<IPAddress> networks = new ArrayList<>();
    for (String cidr : internal.cidrs()) {
      // Already validated by InternalNetworks; parsed again here for the network objects.
      IPAddress network = IpAddresses.parseNetwork(cidr);
      if (network != null) {
        networks.add(unmapped(network));
      }
    }
    this.internal = List.copyOf(networks);
  }

  /** A {@code mynetworks} literal as a network (IPv4, or bracketed IPv6), IPv4-mapped unwrapped. */
  static Optional<IPAddress> literal(String token) {
    if (!IPV4.matcher(token).matches() && !IPV6.matcher(token).matches()) {
      return Optional.empty();
    }
    IPAddress network = IpAddresses.parseNetwork(token.replace("[", "").replace("]", ""));
    return network == null ? Optional.empty() : Optional.of(unmapped(network));
  }

  private static IPAddress unmapped(IPAddress network) {
    if (!network.isIPv6()) {
      return network;
    }
    IPv6Address lower = network.toIPv6().getLower().withoutPrefixLength();
    Integer prefix = network.getNetworkPrefixLength();
    int bits = prefix == null ? IPv6Address.BIT_COUNT : prefix;
    if (!lower.isIPv4Mapped() || bits < MAPPED_PREFIX) {
      return network;
    }
    return lower.getEmbeddedIPv4Address().setPrefixLength(bits - MAPPED_PREFIX).toPrefixBlock();
  }

  /** Whether every address of the network lies in {@code networks.internal} (as a union). */
  boolean covered(IPAddress network) {
    List<IPAddress> rest = List.of(network);
    for (IPAddress n : internal) {
      List<IPAddress> next = new ArrayList<>();
      for (IPAddress r : rest) {
        if (r.getIPVersion() != n.getIPVersion()) {
          next.add(r);
          continue;
        }
        IPAddress[] left = r.subtract(n);
        if (left != null) {
          next.addAll(List.of(left));
        }
      }
      rest = next;
      if (rest.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The internal networks inside the network, in configured order. */
  List<IPAddress> internalWithin(IPAddress network) {
    return internal.stream()
        .filter(n -> n.getIPVersion() == network.getIPVersion() && network.contains(n))
        .toList();
  }

  /** Not wider than the guard of every mynetworks proposal: /24 for IPv4, /64 for IPv6. */
  static boolean narrowEnough(IPAddress network) {
    int widest =
        network.isIPv4() ? MynetworksProposal.MAX_IPV4_PREFIX : MynetworksProposal.MAX_IPV6_PREFIX;
    return prefix(network) >= widest;
  }

  static int prefix(IPAddress network) {
    Integer prefix = network.getNetworkPrefixLength();
    return prefix == null ? network.getBitCount() : prefix;
  }

  /** {@code 10.1.2.0/24} or {@code [2001:db8::]/64}, from the parsed network only. */
  static String print(IPAddress network) {
    String lower = network.getLower().withoutPrefixLength().toCanonicalString();
    String text = (network.isIPv4() ? lower : "[" + lower + "]") + "/" + prefix(network);
    if (!PRINTED.matcher(text).matches()) {
      throw new IllegalStateException("not a printable network: " + text);
    }
    return text;
  }
}
