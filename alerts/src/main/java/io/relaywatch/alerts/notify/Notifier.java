package io.relaywatch.alerts.notify;

import io.relaywatch.events.Alert;

/**
 * Hands alert states to the receivers (Alertmanager, PagerDuty, webhooks, stdout). The alert
 * service calls it on every lifecycle step: when an alert fires, each re-send interval, and when it
 * resolves. {@link DurableNotifier} is the implementation behind the service.
 */
public interface Notifier extends AutoCloseable {
  /**
   * Queues the alert state for every receiver and returns at once. Delivery, retries and backoff
   * happen behind it; a state accepted here is delivered even if a receiver is down for minutes or
   * the process restarts, and a newer state of the same alert key supersedes an older one not yet
   * delivered.
   */
  void submit(Alert alert);

  @Override
  void close();
}
