package io.relaywatch.bench.latency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The latencies of a run's probes in milliseconds from the crossing line's write: to the alert at
 * the webhook, to the alert on the alerts topic, to the relay-denial aggregate counting the burst,
 * and to the line in the raw-lines topic (the baseline), each only over the probes where both ends
 * were observed.
 */
record LatencyFigures(
    Percentiles webhook,
    Percentiles alertTopic,
    Percentiles aggregate,
    Percentiles baseline,
    int sent,
    List<ProbeLog.Probe> probes) {
  static LatencyFigures of(Collection<ProbeLog.Probe> probes) {
    return new LatencyFigures(
        millis(probes, p -> p.webhook),
        millis(probes, p -> p.alertTopic),
        millis(probes, p -> p.aggregate),
        millis(probes, p -> p.rawVisible),
        (int) probes.stream().filter(p -> p.written != 0).count(),
        probes.stream().sorted(Comparator.comparingInt(p -> p.burst.number())).toList());
  }

  /** Latencies from the write to {@code end}, for the probes written and observed at the end. */
  static Percentiles millis(Collection<ProbeLog.Probe> probes, ToLongFunction<ProbeLog.Probe> end) {
    List<Double> values = new ArrayList<>();
    for (ProbeLog.Probe probe : probes) {
      long at = end.applyAsLong(probe);
      if (probe.written != 0 && at != 0) {
        values.add((at - probe.written) / 1e6);
      }
    }
    return new Percentiles(values);
  }

  /** Probes written whose alert never reached the webhook. */
  int missed() {
    return sent - webhook.count();
  }

  double ratio(double percent) {
    return Percentiles.ratio(webhook.at(percent), baseline.at(percent));
  }
}
