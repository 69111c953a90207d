package io.relaywatch.alerts.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link DurableNotifier} with fast retries in a temp state dir, Alertmanager receivers pointed
 * at loopback servers, and readers for what arrived and what the metrics say.
 */
final class NotifierFixture implements AutoCloseable {
  static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200));

  final Path stateDir;
  final HttpPost http =
      new HttpPost(HttpPost.newClient(Duration.ofSeconds(1)), Duration.ofSeconds(3));
  private final List<DurableNotifier> started = new ArrayList<>();
  private CollectorRegistry registry;

  NotifierFixture(Path stateDir) {
    this.stateDir = stateDir;
  }

  AlertmanagerReceiver alertmanager(String name, URI base) {
    return new AlertmanagerReceiver(name, base, http, new Runbooks(Runbooks.DEFAULT_BASE));
  }

  /** A new notifier on the same state dir, as after a restart, with fresh metrics. */
  DurableNotifier start(Receiver... receivers) {
    registry = new CollectorRegistry();
    DurableNotifier n =
        DurableNotifier.start(List.of(receivers), stateDir, FAST, registry, Clock.systemUTC());
    started.add(n);
    return n;
  }

  double count(String receiver, String outcome) {
    Double v =
        registry.getSampleValue(
            "relaywatch_alerts_notifications_total",
            new String[] {"receiver", "outcome"},
            new String[] {receiver, outcome});
    return v == null ? 0 : v;
  }

  double queue(String receiver) {
    Double v =
        registry.getSampleValue(
            "relaywatch_alerts_notification_queue",
            new String[] {"receiver"},
            new String[] {receiver});
    return v == null ? -1 : v;
  }

  CollectorRegistry registry() {
    return registry;
  }

  /** "subject endsAt" (one per alert state) of each alert in the requests, in arrival order. */
  static List<String> states(List<LoopbackServer.Request> requests) {
    List<String> out = new ArrayList<>();
    for (LoopbackServer.Request r : requests) {
      try {
        for (JsonNode a : Json.mapper().readTree(r.body())) {
          out.add(a.get("labels").get("subject").asText() + " " + a.get("endsAt").asText());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  List<Path> outboxFiles(String receiver, String suffix) {
    Path dir = stateDir.resolve("outbox").resolve(receiver);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    started.forEach(DurableNotifier::close);
  }
}
