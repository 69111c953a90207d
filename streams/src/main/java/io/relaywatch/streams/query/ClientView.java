package io.relaywatch.streams.query;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import java.util.List;

/**
 * The body of {@code GET /api/clients/{ip}}.
 *
 * @param clientIp the canonical address
 * @param internal whether it lies in one of the internal networks
 * @param aggregates its most recent window of each configured size that holds a denial, shortest
 *     size first (the fields of {@code relaywatch.relay-denials}, docs/events.md)
 * @param sessions its latest sessions, newest first (the fields of {@code relaywatch.sessions})
 */
@JsonPropertyOrder({"clientIp", "internal", "aggregates", "sessions"})
public record ClientView(
    String clientIp,
    boolean internal,
    List<RelayDenialAggregate> aggregates,
    List<SessionRecord> sessions) {
  public ClientView {
    aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }
}
