package io.relaywatch.streams.topology;

import io.relaywatch.config.ConfigException;
import io.relaywatch.events.InternalNetworks;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of message correlation.
 *
 * @param timeout a message with no line for this long (stream time) is closed as {@code timeout}: a
 *     delivered message is removed within seconds, so what waits this long is deferred or lost
 * @param scanInterval how often (stream time) open messages are checked against the timeout
 * @param localDomains the domains this site receives for (a subdomain counts too); any other
 *     recipient domain makes a message one that left for a foreign domain
 * @param internalNetworks {@code networks.internal}, only for the metrics' {@code network} label
 */
public record MessageConfig(
    Duration timeout,
    Duration scanInterval,
    List<String> localDomains,
    InternalNetworks internalNetworks) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofMinutes(1);

  public MessageConfig {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException(
          "messages.timeout",
          "messages.timeout: '" + timeout + "' is not valid; expected a positive duration");
    }
    if (scanInterval == null
        || scanInterval.isNegative()
        || scanInterval.isZero()
        || scanInterval.compareTo(timeout) > 0) {
      throw new ConfigException(
          "messages.scanInterval",
          "messages.scanInterval: '"
              + scanInterval
              + "' is not valid; expected a positive duration no longer than messages.timeout ("
              + timeout
              + ")");
    }
    localDomains =
        localDomains == null
            ? List.of()
            : localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    Objects.requireNonNull(internalNetworks, "internalNetworks");
  }

  /** 10 minutes of timeout checked every minute, no local domains, the default networks. */
  public static MessageConfig defaults() {
    return new MessageConfig(
        DEFAULT_TIMEOUT, DEFAULT_SCAN_INTERVAL, List.of(), InternalNetworks.defaults());
  }

  /** The same settings with other local domains. */
  public MessageConfig withLocalDomains(List<String> domains) {
    return new MessageConfig(timeout, scanInterval, domains, internalNetworks);
  }

  /** Whether a recipient domain is, or is under, a local domain; null (no domain) is local. */
  boolean isForeign(String domain) {
    if (domain == null) {
      return false;
    }
    for (String local : localDomains) {
      if (domain.equals(local) || domain.endsWith("." + local)) {
        return false;
      }
    }
    return true;
  }
}
