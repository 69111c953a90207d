package io.relaywatch.cli;

import io.relaywatch.demo.Demo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relaywatch demo}: the whole pipeline on an embedded broker, alerts on the screen. */
@Command(
    name = "demo",
    description = {
      "Runs the whole pipeline in one process on an embedded Kafka broker: a generated mail log"
          + " (or --log FILE), the shipper, the Streams topology and the alert service. Prints"
          + " each alert with its proposed fix as it fires. Everything lives in a temporary"
          + " directory removed at the end."
    })
final class DemoCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(
      names = "--duration",
      defaultValue = "P1D",
      paramLabel = "DURATION",
      description = "Stop after this long, ISO 8601 such as PT2M (default: until Ctrl-C).")
  Duration duration;

  @Option(names = "--log", paramLabel = "FILE", description = "Watch this log instead.")
  Path log;

  @Option(names = "--config", paramLabel = "FILE", description = "Settings over the demo's.")
  Path config;

  @Option(names = "--no-color", description = "Plain text even on a terminal.")
  boolean noColor;

  @Option(names = "--kafka-port", defaultValue = "0", paramLabel = "PORT", description = "0: any.")
  int kafkaPort;

  @Mixin RolePorts ports;

  @Override
  public Integer call() throws Exception {
    // The broker and clients run in this process; their routine warnings would bury the alerts.
    for (String logger : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
      Configurator.setLevel(logger, Level.ERROR);
    }
    boolean colour = !noColor && System.console() != null && System.getenv("NO_COLOR") == null;
    Demo demo = new Demo();
    Demo.Options options =
        new Demo.Options(
            duration, log, colour, config, kafkaPort, ports.ship, ports.streams, ports.alerts);
    ServiceCommands.runUntilStopped(
        spec, demo::stop, () -> demo.run(options, System.out, System.err));
    return 0;
  }
}
