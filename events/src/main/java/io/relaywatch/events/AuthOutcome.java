package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What came of a session's SASL AUTH, so that "never tried AUTH", "AUTH failed" and "authenticated
 * but still denied" are told apart without re-deriving them from counters.
 */
public enum AuthOutcome {
  /** The client never sent AUTH. */
  NEVER_TRIED("never_tried"),
  /** The client sent AUTH and no attempt succeeded. */
  FAILED("failed"),
  /** An AUTH succeeded (possibly after failures). */
  SUCCEEDED("succeeded");

  private final String wireName;

  AuthOutcome(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static AuthOutcome fromWireName(String name) {
    return WireNames.lookup(AuthOutcome.class, values(), AuthOutcome::wireName, name);
  }
}
