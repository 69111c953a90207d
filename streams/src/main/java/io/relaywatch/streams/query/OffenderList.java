package io.relaywatch.streams.query;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code GET /api/offenders} (and of the internal per-instance query).
 *
 * @param window the window size, ISO 8601 (e.g. {@code PT1H})
 * @param limit the most rows asked for
 * @param instances how many application instances answered (1 for the per-instance query)
 * @param offenders the rows, most denials first
 */
@JsonPropertyOrder({"window", "limit", "instances", "offenders"})
public record OffenderList(String window, int limit, int instances, List<Offender> offenders) {
  public OffenderList {
    offenders = offenders == null ? List.of() : List.copyOf(offenders);
  }
}
