package io.relaywatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent since a start: the whole process's (broker included) and that of the stream
 * threads. On a machine shared with other work, wall time varies with the load; CPU time per line
 * is the steadier figure to compare two variants by, and the stream threads' share says whether
 * they were busy or waiting (for commits, for the broker).
 */
final class CpuClock {
  private final long processStart;

  private CpuClock(long processStart) {
    this.processStart = processStart;
  }

  static CpuClock start() {
    return new CpuClock(processCpuNanos());
  }

  /** Process CPU seconds since the start. */
  double processSeconds() {
    return (processCpuNanos() - processStart) / 1e9;
  }

  /**
   * CPU seconds of the live threads whose name contains {@code StreamThread} (since they began).
   */
  static double streamThreadSeconds() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().matches(".*StreamThread-\\d+$")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total / 1e9;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
