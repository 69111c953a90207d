package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How urgently a finding needs a person, with the names Alertmanager and PagerDuty routes match on.
 * Ordered from least to most urgent.
 */
public enum Severity {
  /** Worth knowing; no one needs to act now. */
  INFO("info"),
  /** A client or a part of the server is misconfigured; fix it during working hours. */
  WARNING("warning"),
  /** Mail is being lost for many users, or the server is being abused; page someone. */
  CRITICAL("critical");

  private final String wireName;

  Severity(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Severity fromWireName(String name) {
    return WireNames.lookup(Severity.class, values(), Severity::wireName, name);
  }
}
