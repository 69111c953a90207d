package io.relaywatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time spent since a start: the whole process's (broker included) and that of the stream
 * threads. On a machine shared with other work, wall time varies with the load; CPU time per line
 * is the steadier figure to compare two variants by, and the stream threads' share says whether
 * they were busy or waiting (for commits, for the broker).
 */
final class CpuClock {
  private final long processStart;
  private final Map<String, Long> threadsStart;

  private CpuClock(long processStart, Map<String, Long> threadsStart) {
    this.processStart = processStart;
    this.threadsStart = threadsStart;
  }

  static CpuClock start() {
    return new CpuClock(processCpuNanos(), threadGroupTicks());
  }

  /**
   * CPU seconds since the start by group of native threads (the kernel's 15-character thread names,
   * digits removed), largest first: the broker's, the clients', the JIT's and the GC's threads are
   * not all visible to the ThreadMXBean. Threads that ended meanwhile are missing.
   */
  String threadGroupsSince() {
    Map<String, Long> now = threadGroupTicks();
    long hz = 100; // USER_HZ: what /proc reports in on every Linux this runs on
    return now.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - threadsStart.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format("  %-16s %6.1f s", e.getKey(), e.getValue() / (double) hz))
        .collect(Collectors.joining("\n"));
  }

  private static Map<String, Long> threadGroupTicks() {
    Map<String, Long> groups = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          groups.merge(name.replaceAll("\\d+", "#"), ticks, Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return groups;
    }
    return groups;
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
