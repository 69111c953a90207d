package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an alert is in its lifecycle, with Alertmanager's names. */
public enum AlertStatus {
  /** The finding holds; the alert is (re-)sent every interval. */
  FIRING("firing"),
  /** No new evidence for the quiet period; sent once more with {@code endsAt} set. */
  RESOLVED("resolved");

  private final String wireName;

  AlertStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static AlertStatus fromWireName(String name) {
    return WireNames.lookup(AlertStatus.class, values(), AlertStatus::wireName, name);
  }
}
