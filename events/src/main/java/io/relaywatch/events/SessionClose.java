package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a session record was closed: the JSON field {@code closedBy} of {@link SessionRecord}. */
public enum SessionClose {
  /** The disconnect summary was logged; the command counters are known. */
  DISCONNECT("disconnect"),
  /** No line of the session for the configured timeout (the disconnect line was lost or late). */
  TIMEOUT("timeout"),
  /**
   * The same smtpd process logged a line for another client before this session's disconnect: the
   * process moved on, so this session is over even though its summary was never seen.
   */
  SUPERSEDED("superseded");

  private final String wireName;

  SessionClose(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static SessionClose fromWireName(String name) {
    return WireNames.lookup(SessionClose.class, values(), SessionClose::wireName, name);
  }
}
