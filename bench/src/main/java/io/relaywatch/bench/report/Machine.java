package io.relaywatch.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run was measured on, as {@code results.md} describes it: cores, CPU model, RAM, JDK
 * and load average (from {@code /proc}; "unknown" where a file is missing).
 */
public record Machine(int cores, String cpuModel, long ramMb, String jdk, String loadAverage) {

  /** This machine, now. */
  public static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpuModel(read("/proc/cpuinfo")),
        ramMb(read("/proc/meminfo")),
        System.getProperty("java.vm.vendor")
            + " "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"),
        read("/proc/loadavg").stream().findFirst().map(Machine::loadOf).orElse("unknown"));
  }

  /** The first {@code model name} of {@code /proc/cpuinfo}. */
  static String cpuModel(List<String> cpuinfo) {
    for (String line : cpuinfo) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  /** {@code MemTotal} of {@code /proc/meminfo} in MB, -1 when missing. */
  static long ramMb(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** The three load averages of a {@code /proc/loadavg} line, e.g. {@code 1.20 0.90 0.75}. */
  static String loadOf(String loadavg) {
    String[] fields = loadavg.trim().split("\\s+");
    return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
  }

  /** One sentence for the top of results.md. */
  String describe() {
    return String.format(
        "%d cores (%s), %,d MB RAM, %s; load average (1, 5, 15 min) when the report was written:"
            + " %s.",
        cores, cpuModel, ramMb, jdk, loadAverage);
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
