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
          // inet_aton forms (10.1.2 meaning 10.1.0.2, hex, octal) are not how an MTA logs a
          // client, and reading them so would turn a malformed token into someone's address.
          .getIPv4AddressParametersBuilder()
          .allow_inet_aton(false)
          .getParentBuilder()
          .toParams();

  /** Like a literal, with an optional CIDR prefix length: how networks are written in settings. */
  private static final IPAddressStringParameters NETWORKS =
      LITERALS_ONLY.toBuilder().allowPrefix(true).toParams();

  private static final CanonicalMemo MEMO = new CanonicalMemo(IpAddresses::parseCanonical);

  private IpAddresses() {}

  /**
   * The canonical text of an address: IPv4 dotted quad, IPv6 in RFC 5952 form (lower case, longest
   * zero run compressed). An {@code IPv6:} prefix (Postfix, Sendmail) is accepted.
   *
   * @return the canonical form, or null when the text is not a single address
   */
  public static String canonical(String text) {
    if (isPlainDottedQuad(text)) {
      return text; // already canonical
    }
    return text == null ? null : MEMO.get(text);
  }

  private static String parseCanonical(String text) {
    IPAddress address = parse(text);
    return address == null ? null : address.toCanonicalString();
  }

  /**
   * Whether the text is an IPv4 address in its canonical form: four decimal numbers of at most 255,
   * no leading zeros, nothing else. Most client addresses in a log look like this, and checking by
   * hand is an order of magnitude cheaper than the general parser, which took about 7% of a
   * report's time. Anything else (IPv6, leading zeros, odd forms) goes to the library.
   */
  static boolean isPlainDottedQuad(String text) {
    if (text == null) {
      return false;
    }
    int length = text.length();
    if (length < 7 || length > 15) {
      return false;
    }
    int position = 0;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (position >= length || text.charAt(position) != '.') {
          return false;
        }
        position++;
      }
      int start = position;
      int value = 0;
      while (position < length && position - start < 3) {
        char c = text.charAt(position);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        position++;
      }
      int digits = position - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return false;
      }
    }
    return position == length;
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

  /**
   * A network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address, as
   * the whole prefix block ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). Ranges, wildcards, masks and
   * inet_aton forms are refused: they are not how Postfix or our settings write networks, and a
   * lenient reading could widen what counts as internal.
   *
   * @return the network, or null when the text is not one
   */
  public static IPAddress parseNetwork(String text) {
    if (text == null) {
      return null;
    }
    IPAddress address = new IPAddressString(text.strip(), NETWORKS).getAddress();
    if (address == null) {
      return null;
    }
    return address.getNetworkPrefixLength() == null ? address : address.toPrefixBlock();
  }
}
