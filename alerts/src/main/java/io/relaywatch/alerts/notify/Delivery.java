package io.relaywatch.alerts.notify;

import java.util.Objects;

/**
 * What one delivery attempt came to, and so whether trying again makes sense (the contract of
 * Alertmanager's {@code notify.Notifier}: a notifier says if its error is retryable).
 */
public sealed interface Delivery {
  /** The receiver accepted the alert state. */
  record Delivered() implements Delivery {}

  /** The receiver could not take it now (down, overloaded, timed out): try again later. */
  record Retryable(String reason) implements Delivery {
    public Retryable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The receiver refused it for good (bad request, bad credentials): retrying cannot help. */
  record Permanent(String reason) implements Delivery {
    public Permanent {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static Delivery delivered() {
    return new Delivered();
  }

  static Delivery retryable(String reason) {
    return new Retryable(reason);
  }

  static Delivery permanent(String reason) {
    return new Permanent(reason);
  }
}
