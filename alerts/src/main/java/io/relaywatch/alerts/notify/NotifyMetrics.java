package io.relaywatch.alerts.notify;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

/**
 * The receivers' Prometheus metrics, all in one place. The {@code receiver} label is a configured
 * receiver name ({@code alertmanager-1}, {@code pagerduty}, {@code webhook-1}, {@code stdout}), so
 * it stays bounded; {@code outcome} is one of {@link Outcome}.
 */
final class NotifyMetrics {
  /** What became of a submitted alert state at one receiver. */
  enum Outcome {
    /** The receiver accepted it. */
    DELIVERED("delivered"),
    /** An attempt failed in a way worth retrying; it will be tried again. */
    RETRIED("retried"),
    /** The receiver refused it for good; it was dropped. */
    FAILED_PERMANENT("failed_permanent"),
    /** A newer state of the same alert replaced it before it was delivered. */
    SUPERSEDED("superseded"),
    /** The same state was submitted again after it had been delivered; not re-sent. */
    DUPLICATE("duplicate");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  private final Counter notifications;
  private final Gauge queue;
  private final Histogram delay;
  private final Counter outboxErrors;

  NotifyMetrics(CollectorRegistry registry) {
    notifications =
        Counter.build(
                "relaywatch_alerts_notifications_total",
                "Alert states handled per receiver, by outcome.")
            .labelNames("receiver", "outcome")
            .register(registry);
    queue =
        Gauge.build(
                "relaywatch_alerts_notification_queue",
                "Alert states waiting for delivery to a receiver.")
            .labelNames("receiver")
            .register(registry);
    delay =
        Histogram.build(
                "relaywatch_alerts_notification_delay_seconds",
                "Time from submitting an alert state to its delivery, retries included.")
            .labelNames("receiver")
            .buckets(0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600)
            .register(registry);
    outboxErrors =
        Counter.build(
                "relaywatch_alerts_outbox_errors_total",
                "Outbox files that could not be written or removed (delivery goes on from memory).")
            .labelNames("receiver")
            .register(registry);
  }

  /** Makes every series of a receiver exist from the start, at zero. */
  void register(String receiver) {
    for (Outcome o : Outcome.values()) {
      notifications.labels(receiver, o.label);
    }
    queue.labels(receiver).set(0);
    delay.labels(receiver);
    outboxErrors.labels(receiver);
  }

  void outcome(String receiver, Outcome outcome) {
    notifications.labels(receiver, outcome.label).inc();
  }

  void queue(String receiver, int pending) {
    queue.labels(receiver).set(pending);
  }

  void delay(String receiver, double seconds) {
    delay.labels(receiver).observe(seconds);
  }

  void outboxError(String receiver) {
    outboxErrors.labels(receiver).inc();
  }
}
