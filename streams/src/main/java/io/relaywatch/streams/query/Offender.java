package io.relaywatch.streams.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.RelayDenialAggregate;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One row of {@code GET /api/offenders}: a client's relay denials in its most recent window of the
 * requested size. Field meanings are in docs/streams.md.
 *
 * @param internal whether the client lies in one of the internal networks (a misconfigured client
 *     of ours rather than a probe)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "clientIp",
  "count",
  "recipientDomains",
  "internal",
  "firstSeen",
  "lastSeen",
  "windowStart",
  "windowEnd"
})
public record Offender(
    String clientIp,
    long count,
    long recipientDomains,
    boolean internal,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    Instant windowStart,
    Instant windowEnd) {

  /** The row for one aggregate. */
  public static Offender of(RelayDenialAggregate a, InternalNetworks internal) {
    return new Offender(
        a.clientIp(),
        a.count(),
        a.recipientDomains(),
        internal.contains(a.clientIp()),
        a.firstSeen(),
        a.lastSeen(),
        a.windowStart(),
        a.windowEnd());
  }
}
