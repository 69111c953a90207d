package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * The state of one alert, keyed by {@link Finding#key()}: the value of the compacted {@code
 * relaywatch.alerts} topic. The latest finding is kept, so a resolved alert still says what it was.
 *
 * @param key the finding's key ({@code verdict/subject}), also the record key
 * @param status firing or resolved
 * @param startsAt when the alert first fired
 * @param endsAt when receivers should consider it over unless re-sent (firing), or when it resolved
 * @param updatedAt when this state was written
 * @param finding the latest finding behind the alert
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"key", "status", "startsAt", "endsAt", "updatedAt", "finding"})
public record Alert(
    String key,
    AlertStatus status,
    Instant startsAt,
    Instant endsAt,
    Instant updatedAt,
    Finding finding) {
  public Alert {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(finding, "finding");
  }
}
