package io.relaywatch.alerts.engine.rules;

import inet.ipaddr.IPAddress;
import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.ClientAddress;
import java.util.Optional;

/**
 * Client evidence with its address parsed: the canonical form (an IPv4-mapped IPv6 address becomes
 * the IPv4 address) is the only form of the address any finding carries. Evidence whose address
 * does not parse as one literal gives no facts, and so no finding.
 *
 * @param ip the canonical address
 * @param internal whether {@code networks.internal} holds it
 * @param trusted whether {@code networks.trusted} holds it
 */
record ClientFacts(
    ClientEvidence evidence, IPAddress address, String ip, boolean internal, boolean trusted) {
  static Optional<ClientFacts> of(Evidence evidence, VerdictConfig config) {
    if (!(evidence instanceof ClientEvidence client)) {
      return Optional.empty();
    }
    return ClientAddress.parse(client.clientIp())
        .map(
            address ->
                new ClientFacts(
                    client,
                    address,
                    address.toCanonicalString(),
                    config.internal().contains(address),
                    config.trusted().contains(address)));
  }

  boolean neverTriedAuth() {
    return evidence.sessions().authAttempts() == 0;
  }

  /** Whether the client was refused on one of the services, e.g. {@code submission}. */
  boolean refusedOn(String... services) {
    for (String service : services) {
      if (evidence.services().contains(service)) {
        return true;
      }
    }
    return false;
  }
}
