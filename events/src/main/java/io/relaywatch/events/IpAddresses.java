package io.relaywatch.events;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * Client addresses as they appear in logs, made canonical without ever touching DNS: the text comes
 * from attackers, so it is parsed, never resolved.
 */
public final class IpAddresses {
  private static final IPAddressStringParameters LITERALS_ONLY =
      new IPAddressStringParameters.Builder()
          .allowEmpty(false)
          .allowPrefix(false)
          .allowMask(false)
          .allowWildcardedSeparator(false)
          .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
          .allowSingleSegment(false)
          .toParams();

  private IpAddresses() {}

  /**
   * The canonical text of an address: IPv4 dotted quad, IPv6 in RFC 5952 form (lower case, longest
   * zero run compressed). An {@code IPv6:} prefix (Postfix, Sendmail) is accepted.
   *
   * @return the canonical form, or null when the text is not a single address
   */
  public static String canonical(String text) {
    IPAddress address = parse(text);
    return address == null ? null : address.toCanonicalString();
  }

  /** The parsed address, or null when the text is not a single literal address. */
  public static IPAddress parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return null;
    }
    String literal = text.regionMatches(true, 0, "IPv6:", 0, 5) ? text.substring(5) : text;
    IPAddress address = new IPAddressString(literal, LITERALS_ONLY).getAddress();
    if (address == null || address.isMultiple()) {
      return null;
    }
    return address.isIPv6() && address.toIPv6().isIPv4Mapped()
        ? address.toIPv6().getEmbeddedIPv4Address()
        : address;
  }
}
