package io.relaywatch.bench.latency;

import java.util.List;
import java.util.Map;

/**
 * What the report says about the run besides the latencies: the load, the settings and whether the
 * background rate held.
 *
 * @param startedAt UTC time of the start, ISO 8601
 * @param durationSeconds the probe phase
 * @param warmUp the background alone before the probes, and the Streams lag
 * @param targetRate background lines/s asked for
 * @param linesWritten background and probe lines written
 * @param writeSeconds how long the writer ran
 * @param linesDelivered raw lines a read_committed consumer saw (after the drain)
 * @param deliveredDuringRun raw lines seen while the writer ran
 * @param loadBefore the 1-minute load average before the pipeline started
 * @param loadAfter the 1-, 5- and 15-minute load averages at the end
 * @param javaOptions the pipeline JVM's options
 * @param settings the RELAYWATCH_* environment the pipeline inherited, and the settings file
 * @param strangerAlerts alert keys no probe explains
 */
record RunFacts(
    String startedAt,
    double durationSeconds,
    WarmUp warmUp,
    long targetRate,
    long linesWritten,
    double writeSeconds,
    long linesDelivered,
    long deliveredDuringRun,
    String loadBefore,
    String loadAfter,
    List<String> javaOptions,
    Map<String, String> settings,
    List<String> strangerAlerts) {

  double writtenPerSecond() {
    return linesWritten / writeSeconds;
  }

  double deliveredPerSecond() {
    return deliveredDuringRun / writeSeconds;
  }
}
