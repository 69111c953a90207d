package io.relaywatch.alerts.engine.fix;

import inet.ipaddr.IPAddress;
import io.relaywatch.alerts.engine.VerdictConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that decides what may be proposed for Postfix {@code mynetworks} (or Exim {@code
 * relay_from_hosts}): a single host, /32 or /128, built from the canonical form of a parsed address
 * that lies inside {@code networks.internal}, never from the text a log gave. Whatever the rules
 * decide, a proposal that breaks these conditions cannot be built.
 */
public sealed interface MynetworksProposal {
  /** Placeholder for the current value when relaywatch does not know it or cannot repeat it. */
  String CURRENT = "CURRENT";

  /** The widest prefix ever proposed; a proposal is always a single host, so this is a guard. */
  int MAX_IPV4_PREFIX = 24;

  int MAX_IPV6_PREFIX = 64;

  /**
   * Decides the proposal for a client address.
   *
   * @param clientIp the address as logged (attacker-controlled text)
   */
  static MynetworksProposal of(String clientIp, VerdictConfig config) {
    IPAddress address = ClientAddress.parse(clientIp).orElse(null);
    if (address == null) {
      return new Refused("not a single IP address");
    }
    if (!config.internal().contains(address)) {
      return new Refused("outside networks.internal");
    }
    String host = address.toCanonicalString();
    ConfiguredMynetworks current = ConfiguredMynetworks.parse(config.postfixMynetworks());
    Optional<String> covering = current.covering(address);
    if (covering.isPresent()) {
      return new AlreadyCovered(host, covering.get());
    }
    return HostEntry.of(address)
        .<MynetworksProposal>map(entry -> new Add(host, entry, current))
        .orElseGet(() -> new Refused("not a unicast host address"));
  }

  /** The address is not proposed, for the reason given. */
  record Refused(String reason) implements MynetworksProposal {}

  /** The configured {@code mynetworks} already holds the address: adding it changes nothing. */
  record AlreadyCovered(String address, String coveringEntry) implements MynetworksProposal {}

  /**
   * Add the host entry to {@code mynetworks}.
   *
   * @param address the canonical address
   * @param entry the {@code mynetworks} entry: {@code 10.1.2.3/32} or {@code [2001:db8::1]/128}
   * @param current the configured value, if any
   */
  record Add(String address, String entry, ConfiguredMynetworks current)
      implements MynetworksProposal {
    /** Refuses anything but the single-host entry of a plain address, however it is built. */
    public Add {
      if (!HostEntry.isEntryOf(address, entry)) {
        throw new IllegalArgumentException("not a single-host mynetworks entry: " + entry);
      }
      Objects.requireNonNull(current, "current");
    }

    /** The value to set: the configured entries, then the new one; CURRENT when unknown. */
    public String newValue() {
      List<String> entries = current.entries();
      String head = entries.isEmpty() ? CURRENT : String.join(" ", entries);
      return head + " " + entry;
    }

    /** Whether {@link #newValue()} holds the {@link #CURRENT} placeholder. */
    public boolean needsCurrentValue() {
      return current.entries().isEmpty();
    }

    /** The Postfix commands, in order. */
    public List<String> postfixCommands() {
      String set = "postconf -e 'mynetworks = " + newValue() + "'";
      if (needsCurrentValue()) {
        return List.of(
            "postconf -h mynetworks",
            set + "   # CURRENT: the value the line above prints",
            PostfixLines.CHECK_AND_RELOAD);
      }
      return List.of(set, PostfixLines.CHECK_AND_RELOAD);
    }

    /** The Exim {@code relay_from_hosts} line (with the default list before the address). */
    public String eximLine() {
      return "hostlist relay_from_hosts = <; 127.0.0.1 ; ::1 ; " + address;
    }
  }
}
