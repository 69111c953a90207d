package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a message record was closed: the JSON field {@code closedBy} of {@link MessageRecord}. */
public enum MessageClose {
  /** Postfix qmgr logged {@code removed}: the message left the queue. */
  COMPLETE("complete"),
  /**
   * No line of the message for the configured timeout: a deferred message still in the queue, or
   * lines that were lost.
   */
  TIMEOUT("timeout");

  private final String wireName;

  MessageClose(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static MessageClose fromWireName(String name) {
    return WireNames.lookup(MessageClose.class, values(), MessageClose::wireName, name);
  }
}
