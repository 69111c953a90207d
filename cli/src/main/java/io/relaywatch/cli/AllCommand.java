package io.relaywatch.cli;

import io.relaywatch.config.ConfigException;
import io.relaywatch.demo.SingleHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relaywatch all}: every role on one host, on an embedded broker with persistent data. */
@Command(
    name = "all",
    description = {
      "Runs every role (an embedded Kafka broker, the shipper, the Streams topology, the alert"
          + " service) in one process, for a site without a Kafka cluster. Data under --data-dir"
          + " survives restarts. When one machine is not enough, run ship, streams and alerts"
          + " separately against a Kafka cluster (docs/deployment.md)."
    })
final class AllCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(
      names = "--log",
      required = true,
      paramLabel = "FILE",
      description = "A mail log to watch; repeatable.")
  List<Path> logs;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "All state.")
  Path dataDir;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file.")
  Path config;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      paramLabel = "PORT",
      description = "The broker's port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Mixin RolePorts ports;

  @Override
  public Integer call() throws Exception {
    SingleHost.Layout layout =
        new SingleHost.Layout(dataDir, logs, kafkaPort, ports.ship, ports.streams, ports.alerts);
    CountDownLatch stop = new CountDownLatch(1);
    try (SingleHost host =
        SingleHost.start(layout, config, System.getenv(), Map.of(), System.out)) {
      spec.commandLine()
          .getErr()
          .println(
              "relaywatch all: running on Kafka " + host.bootstrapServers() + "; Ctrl-C stops");
      ServiceCommands.runUntilStopped(spec, stop::countDown, stop::await);
    } catch (ConfigException e) {
      ServiceCommands.error(spec, e.getMessage());
      return 2;
    }
    return 0;
  }
}
