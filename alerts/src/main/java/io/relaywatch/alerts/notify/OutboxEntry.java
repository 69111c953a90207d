package io.relaywatch.alerts.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.relaywatch.events.Alert;
import java.time.Instant;
import java.util.Objects;

/**
 * What the outbox keeps for one (receiver, alert key): the latest alert state and how often its
 * delivery was tried. In memory, a delivered entry stays a while as a marker so that the same state
 * submitted again is not sent twice; on disk only undelivered entries are kept.
 *
 * @param format the file format version
 * @param alert the latest alert state for the key
 * @param attempts failed delivery attempts of this state so far
 * @param submittedAt when this state was handed to the notifier
 * @param delivered whether the receiver accepted this state
 */
@JsonPropertyOrder({"format", "alert", "attempts", "submittedAt", "delivered"})
record OutboxEntry(int format, Alert alert, int attempts, Instant submittedAt, boolean delivered) {
  static final int FORMAT = 1;

  OutboxEntry {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }

  static OutboxEntry submitted(Alert alert, Instant now) {
    return new OutboxEntry(FORMAT, alert, 0, now, false);
  }

  OutboxEntry failedOnce() {
    return new OutboxEntry(format, alert, attempts + 1, submittedAt, false);
  }

  OutboxEntry markDelivered() {
    return new OutboxEntry(format, alert, attempts, submittedAt, true);
  }

  /** True when both hold the same state of the same alert (key, status and update time). */
  boolean sameState(Alert other) {
    return alert.key().equals(other.key())
        && alert.status() == other.status()
        && alert.updatedAt().equals(other.updatedAt());
  }
}
