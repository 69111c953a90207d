package io.relaywatch.alerts.service;

import io.relaywatch.alerts.notify.Notifier;
import io.relaywatch.events.Alert;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert state submitted, for tests; the receivers are not under test here. */
final class RecordingNotifier implements Notifier {
  private final List<Alert> submitted = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  @Override
  public void submit(Alert alert) {
    submitted.add(alert);
  }

  /** The states submitted for one alert key, in order. */
  List<Alert> of(String key) {
    return submitted.stream().filter(a -> a.key().equals(key)).toList();
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
