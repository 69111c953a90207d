package io.relaywatch.alerts.engine;

import io.relaywatch.events.Mta;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Faults of one mail host rather than of a client: SASL backend errors.
 *
 * @param host the mail host
 * @param mta the MTA that logged the errors, null when unknown
 * @param saslBackendErrors {@code sasl_backend_unavailable} events (socket unreachable, no
 *     mechanisms)
 * @param messages the distinct error messages, first seen first (log text)
 */
public record HostEvidence(
    String host,
    Mta mta,
    long saslBackendErrors,
    List<String> messages,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    List<String> sampleLines)
    implements Evidence {
  public HostEvidence {
    messages = messages == null ? List.of() : List.copyOf(messages);
    sampleLines = sampleLines == null ? List.of() : List.copyOf(sampleLines);
  }

  @Override
  public String subject() {
    return host;
  }
}
