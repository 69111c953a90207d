package io.relaywatch.alerts.engine;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the verdict engine knows about the site: which networks are ours, which domains are ours,
 * and how the MTA is configured today. Shared by the alert service and {@code relaywatch diagnose}.
 *
 * @param internal {@code networks.internal}: clients inside are ours (misconfigured), outside are
 *     strangers (probes); the only networks a {@code mynetworks} proposal may come from
 * @param trusted {@code networks.trusted}: known application servers, a subset of internal; empty
 *     when not configured
 * @param localDomains {@code localDomains}: the domains this site sends as and receives for, lower
 *     case
 * @param postfixMynetworks {@code postfix.mynetworks}: the current value, so that a proposal
 *     extends it rather than replacing it; empty when not configured
 * @param mta {@code mta}: which MTA's fix to lead with when the log does not say
 */
public record VerdictConfig(
    InternalNetworks internal,
    InternalNetworks trusted,
    Set<String> localDomains,
    Optional<String> postfixMynetworks,
    Mta mta) {
  public VerdictConfig {
    Objects.requireNonNull(internal, "internal");
    Objects.requireNonNull(trusted, "trusted");
    localDomains =
        localDomains.stream()
            .map(d -> d.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    Objects.requireNonNull(postfixMynetworks, "postfixMynetworks");
    Objects.requireNonNull(mta, "mta");
  }

  /** The defaults: RFC 1918 and friends internal, no local domains, Postfix. */
  public static VerdictConfig defaults() {
    return new VerdictConfig(
        InternalNetworks.defaults(),
        InternalNetworks.of(List.of()),
        Set.of(),
        Optional.empty(),
        Mta.POSTFIX);
  }

  /** Reads the keys above, failing with the key, the bad value and what was expected. */
  public static VerdictConfig from(Settings s) {
    String mta = s.string("mta", "postfix");
    if (!mta.equals("postfix") && !mta.equals("exim")) {
      throw new ConfigException("mta", "mta: '" + mta + "' is not valid; expected postfix or exim");
    }
    String mynetworks = s.string("postfix.mynetworks", null);
    return new VerdictConfig(
        networks(s, "networks.internal", InternalNetworks.DEFAULT_CIDRS),
        networks(s, "networks.trusted", List.of()),
        Set.copyOf(s.list("localDomains", List.of())),
        Optional.ofNullable(mynetworks).filter(v -> !v.isBlank()),
        Mta.fromWireName(mta));
  }

  private static InternalNetworks networks(Settings s, String key, List<String> defaults) {
    try {
      return InternalNetworks.of(s.list(key, defaults));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, key + ": " + e.getMessage());
    }
  }
}
