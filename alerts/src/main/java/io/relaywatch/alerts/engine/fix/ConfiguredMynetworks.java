package io.relaywatch.alerts.engine.fix;

import inet.ipaddr.IPAddress;
import io.relaywatch.events.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured {@code postfix.mynetworks}, entry by entry, accepted only when every entry has a
 * strict form: an IPv4 or bracketed IPv6 address or CIDR (Postfix reads an unbracketed IPv6 address
 * as a table name), a host name, a {@code $parameter} reference or a {@code type:/path} table. Only
 * then may a proposal repeat the value inside a single-quoted {@code postconf -e} argument;
 * anything else (quotes, shell characters, odd tokens) makes the value {@link #unsafe()} and the
 * proposal falls back to a placeholder.
 */
public final class ConfiguredMynetworks {
  private static final int MAX_LENGTH = 4096;
  private static final Pattern IPV4 =
      Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}(?:/[0-9]{1,2})?");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\](?:/[0-9]{1,3})?");
  private static final Pattern PARAMETER = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern TABLE =
      Pattern.compile("[a-z][a-z0-9]{1,15}:/[A-Za-z0-9._/-]{1,200}");

  private final boolean configured;
  private final List<String> entries;
  private final boolean onlyLiterals;

  private ConfiguredMynetworks(boolean configured, List<String> entries, boolean onlyLiterals) {
    this.configured = configured;
    this.entries = List.copyOf(entries);
    this.onlyLiterals = onlyLiterals;
  }

  /** Parses the configured value; empty means not configured. */
  public static ConfiguredMynetworks parse(Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      return new ConfiguredMynetworks(false, List.of(), false);
    }
    String text = value.get();
    if (text.length() > MAX_LENGTH) {
      return unsafeValue();
    }
    List<String> entries = new ArrayList<>();
    boolean onlyLiterals = true;
    for (String token : text.strip().split("[\\s,]+")) {
      if (network(token).isEmpty()) {
        if (!isIndirect(token)) {
          return unsafeValue();
        }
        onlyLiterals = false;
      }
      entries.add(token);
    }
    return new ConfiguredMynetworks(true, entries, onlyLiterals);
  }

  private static ConfiguredMynetworks unsafeValue() {
    return new ConfiguredMynetworks(true, List.of(), false);
  }

  static Optional<IPAddress> network(String token) {
    if (!IPV4.matcher(token).matches() && !IPV6.matcher(token).matches()) {
      return Optional.empty();
    }
    String literal = token.replace("[", "").replace("]", "");
    return Optional.ofNullable(IpAddresses.parseNetwork(literal));
  }

  private static boolean isIndirect(String token) {
    return PARAMETER.matcher(token).matches()
        || TABLE.matcher(token).matches()
        || isHostname(token);
  }

  private static boolean isHostname(String token) {
    // A dotted-decimal token that failed as an address is a typo, not a host name.
    return !token.matches("[0-9./]+") && Hostnames.validated(token).isPresent();
  }

  /** Whether {@code postfix.mynetworks} was given at all. */
  public boolean configured() {
    return configured;
  }

  /** Configured, but with an entry of no allowed form: the value must not be repeated. */
  public boolean unsafe() {
    return configured && entries.isEmpty();
  }

  /** The validated entries, in order; empty when not configured or unsafe. */
  public List<String> entries() {
    return entries;
  }

  /**
   * Whether every entry is an address or CIDR, so that "not covered" is certain; a host name,
   * parameter or table may cover the address without relaywatch being able to tell.
   */
  public boolean onlyLiterals() {
    return onlyLiterals && !entries.isEmpty();
  }

  /** The configured entry whose network holds the address, if one does. */
  public Optional<String> covering(IPAddress address) {
    for (String entry : entries) {
      Optional<IPAddress> network = network(entry);
      if (network.isPresent()
          && network.get().getIPVersion() == address.getIPVersion()
          && network.get().contains(address)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }
}
