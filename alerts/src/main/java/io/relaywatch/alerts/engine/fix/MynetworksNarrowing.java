package io.relaywatch.alerts.engine.fix;

import inet.ipaddr.IPAddress;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to do with {@code mynetworks} when a stranger relayed: which configured entries let the
 * client in, and a value narrowed to what {@code networks.internal} covers. An entry that lies
 * wholly inside an internal network and is no wider than /24 (IPv4) or /64 (IPv6) is kept; an entry
 * that is too wide or reaches outside is replaced by the internal networks it contains that are no
 * wider than that (so {@code 127.0.0.0/8} with {@code networks.internal} {@code 127.0.0.0/27}
 * becomes {@code 127.0.0.0/27}); anything else is dropped. Built from {@link ConfiguredMynetworks},
 * so a value it cannot repeat safely is never repeated, and the narrowed value never covers an
 * address the configured one did not.
 *
 * @param known whether {@code postfix.mynetworks} was configured and safe to read
 * @param covering the configured entries whose network holds the client
 * @param kept the entries of the narrowed value, in configured order (an entry replaced by its
 *     internal parts gives them at its place)
 * @param dropped the configured entries not kept as they are (too wide, outside internal, or not a
 *     literal network)
 */
public record MynetworksNarrowing(
    boolean known, List<String> covering, List<String> kept, List<String> dropped) {
  public MynetworksNarrowing {
    covering = List.copyOf(covering);
    kept = List.copyOf(kept);
    dropped = List.copyOf(dropped);
    for (String entry : kept) {
      if (ConfiguredMynetworks.network(entry).isEmpty()) {
        throw new IllegalArgumentException("not a literal network: " + entry);
      }
    }
  }

  /** The narrowing for a client address (already parsed and canonical) under the config. */
  public static MynetworksNarrowing of(IPAddress client, VerdictConfig config) {
    ConfiguredMynetworks current = ConfiguredMynetworks.parse(config.postfixMynetworks());
    if (!current.configured() || current.unsafe()) {
      return new MynetworksNarrowing(false, List.of(), List.of(), List.of());
    }
    List<String> covering = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (String entry : current.entries()) {
      Optional<IPAddress> network = ConfiguredMynetworks.network(entry);
      if (network.isPresent() && covers(network.get(), client)) {
        covering.add(entry);
      }
      if (network.isPresent() && safe(network.get(), config)) {
        addOnce(kept, entry);
        continue;
      }
      dropped.add(entry);
      network.ifPresent(n -> internalPartsOf(n, config).forEach(part -> addOnce(kept, part)));
    }
    return new MynetworksNarrowing(true, covering, kept, dropped);
  }

  /** The internal networks inside {@code network} that are narrow enough, as mynetworks entries. */
  private static List<String> internalPartsOf(IPAddress network, VerdictConfig config) {
    List<String> parts = new ArrayList<>();
    for (String cidr : config.internal().cidrs()) {
      IPAddress block = IpAddresses.parseNetwork(cidr);
      if (block == null) {
        continue;
      }
      if (block.getIPVersion() == network.getIPVersion()
          && network.contains(block)
          && narrowEnough(block)) {
        parts.add(entry(block));
      }
    }
    return parts;
  }

  /** {@code 10.1.2.0/24} or {@code [fc00::]/64}: the form Postfix and ConfiguredMynetworks read. */
  private static String entry(IPAddress block) {
    int prefix =
        block.getNetworkPrefixLength() == null
            ? block.getBitCount()
            : block.getNetworkPrefixLength();
    String address = block.getLower().withoutPrefixLength().toCanonicalString();
    return (block.isIPv4() ? address : "[" + address + "]") + "/" + prefix;
  }

  private static void addOnce(List<String> list, String entry) {
    if (!list.contains(entry)) {
      list.add(entry);
    }
  }

  private static boolean narrowEnough(IPAddress network) {
    int widest =
        network.isIPv4() ? MynetworksProposal.MAX_IPV4_PREFIX : MynetworksProposal.MAX_IPV6_PREFIX;
    Integer prefix = network.getNetworkPrefixLength();
    return (prefix == null ? network.getBitCount() : prefix) >= widest;
  }

  private static boolean covers(IPAddress network, IPAddress client) {
    return network.getIPVersion() == client.getIPVersion() && network.contains(client);
  }

  /** Wholly inside an internal network and no wider than the largest prefix ever proposed. */
  static boolean safe(IPAddress network, VerdictConfig config) {
    // IPAddress.contains on a prefix block asks whether every address of the block is inside.
    return narrowEnough(network) && config.internal().contains(network);
  }

  /** Whether the client got in through mynetworks for certain (a literal entry holds it). */
  public boolean clientCovered() {
    return !covering.isEmpty();
  }

  /** Whether a narrowed value can be proposed: known, something to drop, something safe to keep. */
  public boolean canPropose() {
    return known && !kept.isEmpty() && !dropped.isEmpty();
  }

  /** The narrowed value: the kept entries, space-separated. */
  public String narrowedValue() {
    return String.join(" ", kept);
  }
}
