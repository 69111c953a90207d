package io.relaywatch.alerts.notify;

import io.relaywatch.events.Alert;

/**
 * One destination for alert states: an Alertmanager replica, PagerDuty, a webhook, stdout. A
 * receiver makes one attempt and says how it went; retries, backoff and durability live in {@link
 * DurableNotifier}, so a receiver stays a small protocol adapter.
 */
public interface Receiver {
  /**
   * A stable, file-name-safe name ({@code [a-z0-9-]+}), from the configuration: it names the outbox
   * directory and is the {@code receiver} label of the metrics, so it must stay bounded.
   */
  String name();

  /** Sends one alert state once. Never throws for a failure of the far end: it returns one. */
  Delivery deliver(Alert alert);
}
