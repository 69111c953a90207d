package io.relaywatch.cli;

import io.relaywatch.demo.SampleLogWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code relaywatch sample-log}: writes the demo's scenario mail log, for trying things out. */
@Command(
    name = "sample-log",
    description = {
      "Appends a Postfix mail log that plays out relaywatch's scenarios (an app server missing"
          + " from mynetworks, an open-relay prober, a wrong password, the Dovecot auth socket"
          + " gone) to FILE at a steady pace, stamped with the current time."
    })
final class SampleLogCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Log to append.")
  Path out;

  @Option(
      names = "--rate",
      defaultValue = "5",
      paramLabel = "N",
      description = "SMTP sessions per second, a few lines each (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--duration",
      defaultValue = "P365D",
      paramLabel = "DURATION",
      description = "How long to write, ISO 8601 such as PT10M (default: until stopped).")
  Duration duration;

  @Option(
      names = "--rotate-every",
      defaultValue = "0",
      paramLabel = "LINES",
      description = "Rename FILE to FILE.1 after this many lines; 0 never (default).")
  long rotateEvery;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0) || rotateEvery < 0) {
      throw new ParameterException(
          spec.commandLine(), "--rate must be above 0 and --rotate-every 0 or more");
    }
    new SampleLogWriter(out, seed, rate, rotateEvery, Clock.systemUTC()).run(duration);
    return 0;
  }
}
