package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The root causes relaywatch can name. The wire name is the stable id receivers route and
 * deduplicate on; it never changes once released. What each one means and fixes is in
 * docs/alerts.md; when each one fires is in the rule catalogue (alerts/.../verdicts.yaml).
 */
public enum Verdict {
  /** A stranger's message was accepted for a foreign domain: the server relays for anyone. */
  SERVER_IS_OPEN_RELAY("server_is_open_relay", Subject.CLIENT),
  /** An internal client sending as a local domain on port 25, never trying AUTH. */
  TRUSTED_SENDER_NOT_IN_MYNETWORKS("trusted_sender_not_in_mynetworks", Subject.CLIENT),
  /** A client that should authenticate and does not. */
  CLIENT_NOT_AUTHENTICATING("client_not_authenticating", Subject.CLIENT),
  /** AUTH fails before the relay denial. */
  SASL_AUTH_FAILING("sasl_auth_failing", Subject.CLIENT),
  /** The SASL backend (Dovecot, saslauthd) cannot be reached: every AUTH fails. */
  SASL_BACKEND_UNAVAILABLE("sasl_backend_unavailable", Subject.HOST),
  /** Authenticated sessions are still refused relay. */
  SASL_NOT_PERMITTED_FOR_RELAY("sasl_not_permitted_for_relay", Subject.CLIENT),
  /** An outside client probing whether the server relays: a security finding. */
  OPEN_RELAY_PROBE("open_relay_probe", Subject.CLIENT),
  /** Outside servers refused when delivering to a domain that should be ours. */
  DOMAIN_NOT_ACCEPTED("domain_not_accepted", Subject.DOMAIN),
  /** relaywatch audit: mynetworks trusts addresses outside networks.internal (open relay risk). */
  MYNETWORKS_TOO_WIDE("mynetworks_too_wide", Subject.HOST),
  /** relaywatch audit: no restriction refuses relaying for strangers (an open relay). */
  RELAY_RESTRICTIONS_NOT_CLOSED("relay_restrictions_not_closed", Subject.HOST),
  /** relaywatch audit: AUTH is offered on unencrypted connections. */
  TLS_AUTH_NOT_REQUIRED("tls_auth_not_required", Subject.HOST),
  /** relaywatch audit: the submission service (587) does not require TLS. */
  SUBMISSION_NOT_ENCRYPTED("submission_not_encrypted", Subject.HOST);

  /** What a finding of this verdict is about, which is also the second half of its identity. */
  public enum Subject {
    /** A client IP address. */
    CLIENT,
    /** A mail host. */
    HOST,
    /** A recipient domain. */
    DOMAIN
  }

  private final String wireName;
  private final Subject subject;

  Verdict(String wireName, Subject subject) {
    this.wireName = wireName;
    this.subject = subject;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public Subject subject() {
    return subject;
  }

  @JsonCreator
  public static Verdict fromWireName(String name) {
    return WireNames.lookup(Verdict.class, values(), Verdict::wireName, name);
  }
}
