package io.relaywatch.alerts.engine;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Relay denials for one recipient domain, over all clients: many outside servers refused when
 * delivering to a domain means the domain is missing from the server's configuration.
 *
 * @param domain the recipient domain, lower case
 * @param relayDenials denials with a recipient in the domain
 * @param clients distinct client IPs refused for it
 * @param externalClients those of them outside {@code networks.internal}
 */
public record DomainEvidence(
    String domain,
    long relayDenials,
    long clients,
    long externalClients,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    List<String> sampleLines)
    implements Evidence {
  public DomainEvidence {
    sampleLines = sampleLines == null ? List.of() : List.copyOf(sampleLines);
  }

  @Override
  public String subject() {
    return domain;
  }
}
