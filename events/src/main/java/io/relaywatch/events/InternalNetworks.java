package io.relaywatch.events;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks whose clients count as internal: a relay denial from inside is a misconfigured
 * client of ours, one from outside is a probe. Addresses are compared, never resolved.
 */
public final class InternalNetworks {
  /** Private, shared (CGNAT), loopback and link-local ranges of IPv4 and IPv6. */
  public static final List<String> DEFAULT_CIDRS =
      List.of(
          "10.0.0.0/8",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "::1/128",
          "fc00::/7",
          "fe80::/10");

  private static final InternalNetworks DEFAULTS = of(DEFAULT_CIDRS);

  private final List<String> cidrs;
  private final List<IPAddress> networks;

  private InternalNetworks(List<String> cidrs, List<IPAddress> networks) {
    this.cidrs = List.copyOf(cidrs);
    this.networks = List.copyOf(networks);
  }

  public static InternalNetworks defaults() {
    return DEFAULTS;
  }

  /**
   * Networks from CIDR texts such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is
   * a single host. Host bits under the prefix are ignored ({@code 10.1.2.3/8} is {@code
   * 10.0.0.0/8}).
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or network
   */
  public static InternalNetworks of(List<String> cidrs) {
    List<IPAddress> networks = new ArrayList<>(cidrs.size());
    for (String cidr : cidrs) {
      networks.add(parseNetwork(cidr));
    }
    return new InternalNetworks(cidrs, networks);
  }

  private static IPAddress parseNetwork(String cidr) {
    IPAddress network = IpAddresses.parseNetwork(cidr);
    if (network == null) {
      throw new IllegalArgumentException(
          "internal network '" + cidr + "' is not a CIDR network such as 10.0.0.0/8");
    }
    return network;
  }

  /** The networks as configured. */
  public List<String> cidrs() {
    return cidrs;
  }

  /** Whether the address text lies in one of the networks; false when it is not an address. */
  public boolean contains(String address) {
    IPAddress parsed = IpAddresses.parse(address);
    return parsed != null && contains(parsed);
  }

  /** Whether the address lies in one of the networks. */
  public boolean contains(IPAddress address) {
    for (IPAddress network : networks) {
      if (network.getIPVersion() == address.getIPVersion() && network.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
