package io.relaywatch.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintStream;

/**
 * One run of {@link StreamsThroughput}: the full topology and the pass-through baseline on the same
 * lines (JSON for bench/run-all.sh).
 *
 * @param rawLinesSeconds until the full topology had committed every raw line
 * @param seconds until every topic the full topology reads was caught up: its end
 * @param baselineSeconds until the pass-through had committed every raw line
 */
record StreamsResult(
    long lines,
    int threads,
    int partitions,
    long commitIntervalMs,
    double rawLinesSeconds,
    double seconds,
    double baselineSeconds,
    long heapUsedPeakMb,
    long heapCommittedPeakMb,
    long rssPeakMb) {

  StreamsResult withBaseline(double baseline) {
    return new StreamsResult(
        lines,
        threads,
        partitions,
        commitIntervalMs,
        rawLinesSeconds,
        seconds,
        baseline,
        heapUsedPeakMb,
        heapCommittedPeakMb,
        rssPeakMb);
  }

  @JsonProperty
  public double linesPerSecond() {
    return lines / seconds;
  }

  @JsonProperty
  public double baselineLinesPerSecond() {
    return lines / baselineSeconds;
  }

  /** Full topology lines/s over pass-through lines/s: 1 would mean relaywatch's work is free. */
  @JsonProperty
  public double ratio() {
    return linesPerSecond() / baselineLinesPerSecond();
  }

  void print(PrintStream out) {
    out.println(
        "| lines | threads | partitions | commit ms | s (raw-lines lag 0) | s (all inputs lag 0)"
            + " | lines/s | pass-through s | pass-through lines/s | ratio | heap used peak MB"
            + " | heap committed peak MB | RSS peak MB |");
    out.println(
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    out.printf(
        "| %,d | %d | %d | %d | %.1f | %.1f | %,.0f | %.1f | %,.0f | %.3f | %d | %d | %d |%n",
        lines,
        threads,
        partitions,
        commitIntervalMs,
        rawLinesSeconds,
        seconds,
        linesPerSecond(),
        baselineSeconds,
        baselineLinesPerSecond(),
        ratio(),
        heapUsedPeakMb,
        heapCommittedPeakMb,
        rssPeakMb);
  }
}
