package io.relaywatch.cli;

import io.relaywatch.config.Settings;
import io.relaywatch.streams.app.StreamsApp;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relaywatch streams}: the Kafka Streams topology, until Ctrl-C or SIGTERM. */
@Command(
    name = "streams",
    description = {
      "Runs the Kafka Streams topology: parses relaywatch.raw-lines into relaywatch.events and"
          + " relaywatch.unparsed (exactly once). Settings: --config FILE, RELAYWATCH_* variables,"
          + " these flags; KAFKA_* variables pass through as Kafka client properties."
    })
public final class StreamsCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file.")
  Path config;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state.")
  String stateDir;

  @Option(names = "--http-port", paramLabel = "PORT", description = "/metrics, /healthz (9612).")
  Integer httpPort;

  @Option(names = "--zone", paramLabel = "ZONE", description = "Zone of zone-less timestamps.")
  String zone;

  @Option(names = "--check-config", description = "Validate the settings and exit.")
  boolean checkConfig;

  @Override
  public Integer call() throws Exception {
    StreamsAppConfig appConfig =
        ServiceCommands.configure(
            spec,
            () ->
                StreamsAppConfig.from(
                    Settings.load(config, System.getenv(), flags()), System.getenv()));
    if (appConfig == null) {
      return 2;
    }
    if (checkConfig) {
      return ServiceCommands.configurationIsValid(spec);
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (StreamsApp app = StreamsApp.start(appConfig)) {
      ServiceCommands.runUntilStopped(spec, stop::countDown, stop::await);
    }
    return 0;
  }

  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      flags.put("kafka.bootstrapServers", bootstrapServers);
    }
    if (stateDir != null) {
      flags.put("streams.stateDir", stateDir);
    }
    if (httpPort != null) {
      flags.put("streams.http.port", httpPort.toString());
    }
    if (zone != null) {
      flags.put("streams.zone", zone);
    }
    return flags;
  }
}
