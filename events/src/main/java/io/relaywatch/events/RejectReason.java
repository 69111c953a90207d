package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a reject happened, as a closed taxonomy. The texts that map to each reason are data: the rule
 * catalogue {@code streams/src/main/resources/reasons.yaml}, documented in docs/events.md.
 */
public enum RejectReason {
  RELAY_DENIED("relay_denied"),
  UNKNOWN_RECIPIENT("unknown_recipient"),
  CLIENT_REJECTED("client_rejected"),
  HELO_REJECTED("helo_rejected"),
  SENDER_REJECTED("sender_rejected"),
  RBL_LISTED("rbl_listed"),
  GREYLISTED("greylisted"),
  POLICY_REJECTED("policy_rejected"),
  RATE_LIMITED("rate_limited"),
  OTHER("other");

  private final String wireName;

  RejectReason(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static RejectReason fromWireName(String name) {
    return WireNames.lookup(RejectReason.class, values(), RejectReason::wireName, name);
  }
}
