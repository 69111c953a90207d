package io.relaywatch.bench.latency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened to each probe, by {@link System#nanoTime()}: when its crossing line was written,
 * when that line was visible in the raw-lines topic, when Streams published the relay-denial
 * aggregate that counts the whole burst, when its alert reached the webhook and the alerts topic.
 * Written by several threads; each time is kept from its first observation.
 */
final class ProbeLog {
  /** One probe's times; 0 means not (yet) observed. */
  static final class Probe {
    final ProbeBurst burst;
    final String crossingLine;
    volatile long written;
    volatile long rawVisible;
    volatile long aggregate;
    volatile long webhook;
    volatile long alertTopic;

    Probe(ProbeBurst burst, String crossingLine) {
      this.burst = burst;
      this.crossingLine = crossingLine;
    }
  }

  private final Map<String, Probe> byLine = new ConcurrentHashMap<>();
  private final Map<String, Probe> byAlertKey = new ConcurrentHashMap<>();
  private final Map<String, Probe> byClientIp = new ConcurrentHashMap<>();
  private final Map<String, Boolean> strangerAlerts = new ConcurrentHashMap<>();

  /** Registers a probe before its line is written, so no observer can miss it. */
  Probe register(ProbeBurst burst, String crossingLine) {
    Probe probe = new Probe(burst, crossingLine);
    byLine.put(crossingLine, probe);
    byAlertKey.put(burst.alertKey(), probe);
    byClientIp.put(burst.clientIp(), probe);
    return probe;
  }

  void rawLineSeen(String line, long nanos) {
    Probe probe = byLine.get(line);
    if (probe != null && probe.rawVisible == 0) {
      probe.rawVisible = nanos;
    }
  }

  /** Whether {@code clientIp} is a probe's: only those aggregates are worth decoding. */
  boolean isProbeClient(String clientIp) {
    return byClientIp.containsKey(clientIp);
  }

  /** An aggregate of a probe's client that counts the whole burst. */
  void aggregateSeen(String clientIp, long nanos) {
    Probe probe = byClientIp.get(clientIp);
    if (probe != null && probe.aggregate == 0) {
      probe.aggregate = nanos;
    }
  }

  /** A firing alert at the webhook; one no probe explains is remembered as a stranger. */
  void webhookAlert(String key, long nanos) {
    Probe probe = byAlertKey.get(key);
    if (probe == null) {
      strangerAlerts.put(key, true);
    } else if (probe.webhook == 0) {
      probe.webhook = nanos;
    }
  }

  void topicAlert(String key, long nanos) {
    Probe probe = byAlertKey.get(key);
    if (probe == null) {
      strangerAlerts.put(key, true);
    } else if (probe.alertTopic == 0) {
      probe.alertTopic = nanos;
    }
  }

  Collection<Probe> probes() {
    return List.copyOf(byAlertKey.values());
  }

  /** Alert keys that no probe explains: the background should give none. */
  List<String> strangerAlerts() {
    return new ArrayList<>(strangerAlerts.keySet());
  }

  boolean allAlerted() {
    return byAlertKey.values().stream().allMatch(p -> p.webhook != 0 && p.written != 0);
  }
}
