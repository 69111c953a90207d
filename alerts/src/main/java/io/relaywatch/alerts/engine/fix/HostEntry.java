package io.relaywatch.alerts.engine.fix;

import inet.ipaddr.IPAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/** A single-host {@code mynetworks} entry, checked once more by shape so no other text slips in. */
final class HostEntry {
  private static final Pattern SHAPE =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}/32|\\[[0-9a-f:]{2,39}\\]/128");

  private HostEntry() {}

  /**
   * {@code 10.1.2.3/32} or {@code [2001:db8::1]/128}; empty for anything but one unicast host (not
   * the unspecified, broadcast or a multicast address).
   */
  static Optional<String> of(IPAddress address) {
    if (address.isMultiple()
        || address.isPrefixed()
        || address.isMulticast()
        || address.isAnyLocal()
        || address.isMax()) {
      return Optional.empty();
    }
    int prefix = address.getBitCount();
    int widest =
        address.isIPv4() ? MynetworksProposal.MAX_IPV4_PREFIX : MynetworksProposal.MAX_IPV6_PREFIX;
    String canonical = address.toCanonicalString();
    String entry = address.isIPv4() ? canonical + "/" + prefix : "[" + canonical + "]/" + prefix;
    if (prefix < widest || !SHAPE.matcher(entry).matches()) {
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  /** Whether the entry is exactly the single-host entry of the plainly written address. */
  static boolean isEntryOf(String address, String entry) {
    return entry != null
        && ClientAddress.parse(address)
            .filter(a -> a.toCanonicalString().equals(address))
            .flatMap(HostEntry::of)
            .filter(entry::equals)
            .isPresent();
  }
}
