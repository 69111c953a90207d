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
  SESSION_END("session_end"),
  /** Postfix smtpd gave a message from a client a queue id ({@code client=host[ip]}, no SASL). */
  MESSAGE_RECEIVED("message_received"),
  /** Postfix qmgr took a message into the active queue ({@code from=<sender>, nrcpt=n}). */
  MESSAGE_QUEUED("message_queued"),
  /** One delivery attempt to one recipient ({@code to=<r>, ..., status=sent|deferred|bounced}). */
  MESSAGE_DELIVERY("message_delivery"),
  /** Postfix qmgr removed a message from the queue: every recipient has a final status. */
  MESSAGE_REMOVED("message_removed");

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
