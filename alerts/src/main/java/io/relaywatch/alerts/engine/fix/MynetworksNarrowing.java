package io.relaywatch.alerts.engine.fix;

import inet.ipaddr.IPAddress;
import io.relaywatch.alerts.engine.VerdictConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to do with {@code mynetworks} when a stranger relayed: which configured entries let the
 * client in, and a narrowed value keeping only entries that lie wholly inside {@code
 * networks.internal} and are no wider than /{@value MynetworksProposal#MAX_IPV4_PREFIX} (IPv4) or
 * /{@value MynetworksProposal#MAX_IPV6_PREFIX} (IPv6). Built from {@link ConfiguredMynetworks}, so
 * a value it cannot repeat safely is never repeated; the narrowed value only ever drops entries.
 *
 * @param known whether {@code postfix.mynetworks} was configured and safe to read
 * @param covering the configured entries whose network holds the client
 * @param kept the entries of the narrowed value, in their configured order
 * @param dropped the entries left out (too wide, outside internal, or not a literal network)
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
        kept.add(entry);
      } else {
        dropped.add(entry);
      }
    }
    return new MynetworksNarrowing(true, covering, kept, dropped);
  }

  private static boolean covers(IPAddress network, IPAddress client) {
    return network.getIPVersion() == client.getIPVersion() && network.contains(client);
  }

  /** Wholly inside an internal network and no wider than the largest prefix ever proposed. */
  static boolean safe(IPAddress network, VerdictConfig config) {
    int widest =
        network.isIPv4() ? MynetworksProposal.MAX_IPV4_PREFIX : MynetworksProposal.MAX_IPV6_PREFIX;
    Integer prefix = network.getNetworkPrefixLength();
    int length = prefix == null ? network.getBitCount() : prefix;
    // IPAddress.contains on a prefix block asks whether every address of the block is inside.
    return length >= widest && config.internal().contains(network);
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
