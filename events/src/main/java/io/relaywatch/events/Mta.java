package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The mail transfer agent that wrote a line. */
public enum Mta {
  POSTFIX("postfix"),
  EXIM("exim"),
  SENDMAIL("sendmail");

  private final String wireName;

  Mta(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Mta fromWireName(String name) {
    return WireNames.lookup(Mta.class, values(), Mta::wireName, name);
  }
}
