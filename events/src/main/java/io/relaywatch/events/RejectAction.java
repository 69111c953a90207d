package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a reject was logged. Only {@link #REJECT} and {@link #MILTER_REJECT} refused mail. */
public enum RejectAction {
  REJECT("reject"),
  /** Postfix {@code warn_if_reject}: a dry run, the mail was not refused. */
  REJECT_WARNING("reject_warning"),
  MILTER_REJECT("milter-reject");

  private final String wireName;

  RejectAction(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Whether mail was actually refused (a {@code reject_warning} only says it would have been). */
  public boolean refused() {
    return this != REJECT_WARNING;
  }

  @JsonCreator
  public static RejectAction fromWireName(String name) {
    return WireNames.lookup(RejectAction.class, values(), RejectAction::wireName, name);
  }
}
