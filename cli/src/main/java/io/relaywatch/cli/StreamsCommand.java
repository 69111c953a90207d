package io.relaywatch.cli;

import io.relaywatch.config.ConfigException;
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
    StreamsAppConfig appConfig;
    try {
      appConfig =
          StreamsAppConfig.from(Settings.load(config, System.getenv(), flags()), System.getenv());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("relaywatch streams: " + e.getMessage());
      return 2;
    }
    if (checkConfig) {
      spec.commandLine().getOut().println("relaywatch streams: configuration is valid");
      return 0;
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    // On SIGTERM the hook waits until the application has closed, so state is flushed cleanly.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopAndWait(stop, closed), "relaywatch-streams-stop"));
    try (StreamsApp app = StreamsApp.start(appConfig)) {
      stop.await();
    } finally {
      closed.countDown();
    }
    return 0;
  }

  private static void stopAndWait(CountDownLatch stop, CountDownLatch closed) {
    stop.countDown();
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
