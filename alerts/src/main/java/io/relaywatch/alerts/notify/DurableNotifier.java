package io.relaywatch.alerts.notify;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.Alert;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Notifier} behind the alert service: {@link #submit} writes the state into one outbox
 * per receiver under {@code <stateDir>/outbox/<receiver>/} and returns; a sender thread per
 * receiver delivers it with backoff. What the outboxes hold when the process starts is delivered
 * first, so neither a restart nor a receiver down for minutes loses an alert state.
 */
public final class DurableNotifier implements Notifier {
  private static final Logger log = LoggerFactory.getLogger(DurableNotifier.class);

  private final Map<String, DeliveryQueue> queues;

  private DurableNotifier(Map<String, DeliveryQueue> queues) {
    this.queues = queues;
  }

  /** Starts the receivers the configuration names, with metrics in {@code registry}. */
  public static DurableNotifier start(
      NotifyConfig config, CollectorRegistry registry, PrintStream stdout) {
    return start(
        Receivers.from(config, stdout),
        config.stateDir(),
        config.retry(),
        registry,
        Clock.systemUTC());
  }

  /** Starts a sender thread per receiver, each resuming its outbox under {@code stateDir}. */
  public static DurableNotifier start(
      List<Receiver> receivers,
      Path stateDir,
      RetryPolicy retry,
      CollectorRegistry registry,
      Clock clock) {
    NotifyMetrics metrics = new NotifyMetrics(registry);
    if (receivers.isEmpty()) {
      log.info("no alert receivers configured");
      return new DurableNotifier(Map.of());
    }
    Objects.requireNonNull(stateDir, "stateDir");
    Path outboxes = stateDir.resolve("outbox");
    Map<String, DeliveryQueue> queues = new LinkedHashMap<>();
    for (Receiver r : receivers) {
      if (!r.name().matches("[a-z0-9-]+") || queues.containsKey(r.name())) {
        throw new IllegalArgumentException("receiver names must be unique [a-z0-9-]+: " + r.name());
      }
      Outbox outbox = new Outbox(outboxes.resolve(r.name()));
      queues.put(r.name(), new DeliveryQueue(r, outbox, retry, metrics, clock));
    }
    warnAboutOrphans(outboxes, queues.keySet());
    queues.values().forEach(DeliveryQueue::start);
    log.info("notifying {} (outbox {})", queues.keySet(), outboxes);
    return new DurableNotifier(queues);
  }

  @Override
  public void submit(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    queues.values().forEach(q -> q.submit(alert));
  }

  /** Alert states not yet delivered, per receiver name. */
  public Map<String, Integer> pending() {
    Map<String, Integer> out = new LinkedHashMap<>();
    queues.forEach((name, q) -> out.put(name, q.pending()));
    return out;
  }

  /** Stops the sender threads; what is undelivered stays in the outboxes for the next start. */
  @Override
  public void close() {
    List<DeliveryQueue> all = new ArrayList<>(queues.values());
    all.forEach(DeliveryQueue::close);
  }

  // A receiver removed from the configuration leaves its outbox behind; say so instead of
  // dropping its undelivered states silently.
  private static void warnAboutOrphans(Path outboxes, Set<String> configured) {
    if (!Files.isDirectory(outboxes)) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(outboxes, Files::isDirectory)) {
      List<String> orphans = new ArrayList<>();
      dirs.forEach(d -> orphans.add(d.getFileName().toString()));
      orphans.removeAll(configured);
      if (!orphans.isEmpty()) {
        log.warn(
            "outboxes of receivers no longer configured are left as they are: {}",
            orphans.stream()
                .map(outboxes::resolve)
                .map(Path::toString)
                .collect(Collectors.toList()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + outboxes, e);
    }
  }
}
