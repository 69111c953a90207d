package io.relaywatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak heap (used, committed) sampled every 100 ms, and the process's peak RSS from /proc. */
final class MemorySampler {
  private static final long MB = 1024 * 1024;

  private final Thread thread;
  private volatile boolean running = true;
  private long peakUsed;
  private long peakCommitted;

  private MemorySampler() {
    thread = new Thread(this::sample, "memory-sampler");
    thread.setDaemon(true);
  }

  static MemorySampler start() {
    MemorySampler sampler = new MemorySampler();
    sampler.thread.start();
    return sampler;
  }

  private void sample() {
    while (running) {
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      synchronized (this) {
        peakUsed = Math.max(peakUsed, heap.getUsed());
        peakCommitted = Math.max(peakCommitted, heap.getCommitted());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }

  synchronized long peakUsedMb() {
    return peakUsed / MB;
  }

  synchronized long peakCommittedMb() {
    return peakCommitted / MB;
  }

  /** VmHWM: the most resident memory the process has had, broker included; -1 off Linux. */
  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
