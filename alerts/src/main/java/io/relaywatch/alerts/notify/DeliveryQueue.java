package io.relaywatch.alerts.notify;

import io.relaywatch.alerts.notify.NotifyMetrics.Outcome;
import io.relaywatch.events.Alert;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox and sender thread of one receiver. States wait in submission order, one per alert key
 * (the newest wins). A retryable failure holds the whole queue for a backoff delay, since the
 * receiver is most likely down for every alert, and moves the failed state to the back; the first
 * success releases the rest at once.
 */
final class DeliveryQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  // Long enough to catch a replay of the same state; short enough to bound memory.
  private static final Duration KEEP_DELIVERED = Duration.ofHours(24);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final Receiver receiver;
  private final Outbox outbox;
  private final RetryPolicy retry;
  private final NotifyMetrics metrics;
  private final Clock clock;
  private final RandomGenerator random = RandomGenerator.getDefault();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, OutboxEntry> entries = new HashMap<>();
  private final LinkedHashSet<String> pending = new LinkedHashSet<>();
  private final Thread thread;
  private int failures;
  private Instant holdUntil = Instant.MIN;
  private Instant nextPrune = Instant.MIN;
  private volatile boolean running = true;

  DeliveryQueue(
      Receiver receiver, Outbox outbox, RetryPolicy retry, NotifyMetrics metrics, Clock clock) {
    this.receiver = receiver;
    this.outbox = outbox;
    this.retry = retry;
    this.metrics = metrics;
    this.clock = clock;
    metrics.register(receiver.name());
    for (OutboxEntry e : outbox.load()) {
      entries.put(e.alert().key(), e);
      if (!e.delivered()) {
        pending.add(e.alert().key());
      }
    }
    metrics.queue(receiver.name(), pending.size());
    if (!pending.isEmpty()) {
      log.info("{}: resuming {} undelivered alert states", receiver.name(), pending.size());
    }
    thread = new Thread(this::run, "relaywatch-notify-" + receiver.name());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void submit(Alert alert) {
    lock.lock();
    try {
      OutboxEntry current = entries.get(alert.key());
      if (current != null && current.sameState(alert)) {
        if (current.delivered()) {
          metrics.outcome(receiver.name(), Outcome.DUPLICATE);
        }
        return;
      }
      if (current != null && alert.updatedAt().isBefore(current.alert().updatedAt())) {
        // An older state arriving late (a replay) must not overwrite a newer one.
        metrics.outcome(receiver.name(), Outcome.SUPERSEDED);
        return;
      }
      if (current != null && !current.delivered()) {
        metrics.outcome(receiver.name(), Outcome.SUPERSEDED);
      }
      store(OutboxEntry.submitted(alert, clock.instant()));
      pending.add(alert.key());
      metrics.queue(receiver.name(), pending.size());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int pending() {
    lock.lock();
    try {
      return pending.size();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (running) {
      try {
        OutboxEntry next = awaitNext();
        if (next != null) {
          record(next, attempt(next));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("{}: sender loop error", receiver.name(), e);
      }
    }
  }

  private OutboxEntry awaitNext() throws InterruptedException {
    lock.lock();
    try {
      while (running) {
        Instant now = clock.instant();
        if (!now.isBefore(nextPrune)) {
          prune(now);
          nextPrune = now.plus(PRUNE_EVERY);
        }
        if (!pending.isEmpty() && !now.isBefore(holdUntil)) {
          return entries.get(pending.iterator().next());
        }
        Instant wakeAt = pending.isEmpty() ? nextPrune : min(holdUntil, nextPrune);
        long nanos = Math.max(1, Duration.between(now, wakeAt).toNanos());
        changed.await(nanos, TimeUnit.NANOSECONDS);
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  private Delivery attempt(OutboxEntry entry) {
    try {
      return receiver.deliver(entry.alert());
    } catch (RuntimeException e) {
      // A bug, not an outage: retrying the same state would fail the same way.
      log.error("{}: delivering {} failed", receiver.name(), entry.alert().key(), e);
      return Delivery.permanent("receiver error: " + e);
    }
  }

  private void record(OutboxEntry sent, Delivery result) {
    lock.lock();
    try {
      String key = sent.alert().key();
      OutboxEntry current = entries.get(key);
      // A newer state may have been submitted while this one was on the wire: it stays pending.
      boolean unchanged =
          current != null && !current.delivered() && current.sameState(sent.alert());
      if (result instanceof Delivery.Delivered) {
        delivered(sent, unchanged);
      } else if (result instanceof Delivery.Retryable r) {
        retryLater(sent, unchanged, r.reason());
      } else if (result instanceof Delivery.Permanent p) {
        dropped(sent, unchanged, p.reason());
      }
      metrics.queue(receiver.name(), pending.size());
    } finally {
      lock.unlock();
    }
  }

  private void delivered(OutboxEntry sent, boolean unchanged) {
    metrics.outcome(receiver.name(), Outcome.DELIVERED);
    Duration took = Duration.between(sent.submittedAt(), clock.instant());
    metrics.delay(receiver.name(), Math.max(0, took.toMillis()) / 1000.0);
    if (failures > 0) {
      log.info("{}: delivering again after {} failed attempts", receiver.name(), failures);
    }
    failures = 0;
    holdUntil = Instant.MIN;
    if (unchanged) {
      String key = sent.alert().key();
      entries.put(key, sent.markDelivered());
      pending.remove(key);
      guarded(() -> outbox.delete(key));
    }
  }

  private void retryLater(OutboxEntry sent, boolean unchanged, String reason) {
    metrics.outcome(receiver.name(), Outcome.RETRIED);
    failures++;
    Duration wait = retry.delay(failures, random);
    holdUntil = clock.instant().plus(wait);
    log.warn(
        "{}: {} not delivered ({}); retrying in {} ms",
        receiver.name(),
        sent.alert().key(),
        reason,
        wait.toMillis());
    if (unchanged) {
      store(sent.failedOnce());
      String key = sent.alert().key();
      pending.remove(key);
      pending.add(key);
    }
  }

  private void dropped(OutboxEntry sent, boolean unchanged, String reason) {
    metrics.outcome(receiver.name(), Outcome.FAILED_PERMANENT);
    log.error("{}: {} refused for good, dropped: {}", receiver.name(), sent.alert().key(), reason);
    if (unchanged) {
      String key = sent.alert().key();
      entries.remove(key);
      pending.remove(key);
      guarded(() -> outbox.delete(key));
    }
  }

  private void prune(Instant now) {
    entries
        .values()
        .removeIf(e -> e.delivered() && e.submittedAt().plus(KEEP_DELIVERED).isBefore(now));
  }

  private void store(OutboxEntry entry) {
    entries.put(entry.alert().key(), entry);
    guarded(() -> outbox.write(entry));
  }

  private void guarded(Runnable io) {
    try {
      io.run();
    } catch (UncheckedIOException e) {
      metrics.outboxError(receiver.name());
      log.error("{}: outbox {}: {}", receiver.name(), outbox.dir(), e.getMessage());
    }
  }

  /**
   * Stops the sender. An attempt on the wire is given {@link #CLOSE_GRACE} to finish and be
   * recorded, since a request interrupted halfway may still reach the receiver and then be sent
   * again after the restart.
   */
  @Override
  public void close() {
    running = false;
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(CLOSE_GRACE.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(CLOSE_GRACE.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
