package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a recognised mail log line says happened; the JSON field {@code type}. */
public enum EventType {
  /**
   * An SMTP command or connection refused (or, for {@code reject_warning}, that would have been).
   */
  REJECT("reject"),
  /** A client's SASL AUTH attempt failed. */
  SASL_AUTH_FAILED("sasl_auth_failed"),
  /** The MTA cannot reach its SASL backend (Dovecot auth socket, saslauthd): nobody can log in. */
  SASL_BACKEND_UNAVAILABLE("sasl_backend_unavailable"),
  /** A client authenticated and a message was accepted from it. */
  SASL_LOGIN("sasl_login"),
  /** The disconnect summary of one SMTP session with its command counters. */
  SESSION_END("session_end");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static EventType fromWireName(String name) {
    return WireNames.lookup(EventType.class, values(), EventType::wireName, name);
  }
}
