package io.relaywatch.alerts.notify;

import java.util.Objects;

/**
 * A credential from the configuration (PagerDuty routing key, webhook secret). Its {@code toString}
 * hides the value, so printing a config record or logging a receiver cannot leak it.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The value, for the one place that sends or signs with it. */
  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "[redacted]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
