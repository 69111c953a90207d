package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What became of a message, from its delivery lines: the JSON field {@code outcome} of {@link
 * MessageRecord} and the keys of its {@code outcomes}.
 */
public enum MessageOutcome {
  /** Delivered (Postfix {@code status=sent}). */
  SENT("sent"),
  /** Tried and will be retried ({@code status=deferred}). */
  DEFERRED("deferred"),
  /** Given up on and returned to the sender ({@code status=bounced}, {@code expired}). */
  BOUNCED("bounced"),
  /** No delivery line was seen (or only statuses relaywatch does not read). */
  UNKNOWN("unknown");

  private final String wireName;

  MessageOutcome(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static MessageOutcome fromWireName(String name) {
    return WireNames.lookup(MessageOutcome.class, values(), MessageOutcome::wireName, name);
  }

  /** The outcome a Postfix {@code status=} word stands for; {@link #UNKNOWN} for the rest. */
  public static MessageOutcome ofStatus(String status) {
    if (status == null) {
      return UNKNOWN;
    }
    return switch (status) {
      case "sent" -> SENT;
      case "deferred" -> DEFERRED;
      case "bounced", "expired" -> BOUNCED;
      default -> UNKNOWN;
    };
  }
}
