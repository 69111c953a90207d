package io.relaywatch.bench.latency;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link StreamingLatency}.
 *
 * @param duration the probe phase (after the warm-up)
 * @param rate background lines/s
 * @param probes how many probes
 * @param warmUp background alone before the first probe, at least; longer until Streams has caught
 *     up
 * @param seed the background generator's seed
 * @param jar the CLI jar that runs {@code relaywatch all}
 * @param out where the report files go
 * @param pipelineJavaOptions options of the pipeline's JVM
 * @param probeSpacing time between two lines of a probe burst (0: written back to back)
 */
record LatencyOptions(
    Duration duration,
    long rate,
    int probes,
    Duration warmUp,
    long seed,
    Path jar,
    Path out,
    List<String> pipelineJavaOptions,
    Duration probeSpacing) {
  static final String USAGE =
      "usage: StreamingLatency [--duration 90s] [--rate 5000] [--probes 30] [--warm-up 15s]"
          + " [--seed 1] [--jar cli/target/relaywatch.jar] [--out bench-out]"
          + " [--pipeline-java-opts '-Xms256m -Xmx768m'] [--probe-spacing 0ms]";

  static LatencyOptions parse(String... args) {
    Duration duration = Duration.ofSeconds(90);
    long rate = 5000;
    int probes = 30;
    Duration warmUp = Duration.ofSeconds(15);
    long seed = 1;
    Path jar = Path.of("cli/target/relaywatch.jar");
    Path out = Path.of("bench-out");
    List<String> javaOptions = List.of("-Xms256m", "-Xmx768m");
    Duration probeSpacing = Duration.ZERO;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--duration" -> duration = duration(args[i], value);
        case "--rate" -> rate = positive(args[i], value);
        case "--probes" -> probes = (int) positive(args[i], value);
        case "--warm-up" -> warmUp = duration(args[i], value);
        case "--seed" -> seed = number(args[i], value);
        case "--jar" -> jar = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--probe-spacing" ->
            probeSpacing = value.equals("0") ? Duration.ZERO : duration(args[i], value);
        case "--pipeline-java-opts" ->
            javaOptions = new ArrayList<>(Arrays.asList(value.trim().split("\\s+")));
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    return new LatencyOptions(
        duration, rate, probes, warmUp, seed, jar, out, javaOptions, probeSpacing);
  }

  /** {@code 90s}, {@code 2m}, {@code 500ms} or plain seconds. */
  static Duration duration(String option, String value) {
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      String seconds = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
      Duration parsed = Duration.ofSeconds(Long.parseLong(seconds));
      if (parsed.isNegative() || parsed.isZero()) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " needs a positive duration such as 90s or 2m, got '" + value + "'");
    }
  }

  private static long positive(String option, String value) {
    long parsed = number(option, value);
    if (parsed < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, got " + parsed);
    }
    return parsed;
  }

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
    }
  }
}
