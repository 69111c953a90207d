package io.relaywatch.alerts.engine.fix;

import inet.ipaddr.IPAddress;
import io.relaywatch.events.IpAddresses;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client address from a log, accepted only in the plain forms an MTA writes: a dotted quad
 * without leading zeros, or IPv6 hex with colons (an IPv4-mapped one becomes its IPv4 address). The
 * address library alone also reads {@code 10.1.2} as 10.1.0.2 and {@code 010.1.2.3} in odd ways; a
 * fix must never name an address the log did not plainly say.
 */
public final class ClientAddress {
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern IPV6 =
      Pattern.compile("(?i)(?:ipv6:)?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?::" + IPV4 + ")?");

  private ClientAddress() {}

  /** The address, or empty when the text is anything but one plainly written address. */
  public static Optional<IPAddress> parse(String text) {
    if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
      return Optional.empty();
    }
    IPAddress address = IpAddresses.parse(text);
    if (address == null || address.isMultiple() || address.isPrefixed()) {
      return Optional.empty();
    }
    return Optional.of(address);
  }
}
