package io.relaywatch.cli;

import io.relaywatch.alerts.service.AlertService;
import io.relaywatch.alerts.service.AlertsRole;
import io.relaywatch.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relaywatch alerts}: the alert service, until Ctrl-C or SIGTERM. */
@Command(
    name = "alerts",
    description = {
      "Runs the alert service: reads relaywatch.relay-denials, relaywatch.sessions,"
          + " relaywatch.messages and relaywatch.sasl-backend-errors, names the root cause of what it sees, keeps every"
          + " alert's state in relaywatch.alerts and notifies the receivers. Settings: --config"
          + " FILE, RELAYWATCH_* variables, these flags; KAFKA_* variables pass through as Kafka"
          + " client properties."
    })
public final class AlertsCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file.")
  Path config;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "The receivers' outbox.")
  String stateDir;

  @Option(names = "--http-port", paramLabel = "PORT", description = "/metrics, /healthz (9613).")
  Integer httpPort;

  @Option(names = "--check-config", description = "Validate the settings and exit.")
  boolean checkConfig;

  @Override
  public Integer call() throws Exception {
    AlertsRole role =
        ServiceCommands.configure(
            spec,
            () ->
                AlertsRole.configure(
                    Settings.load(config, System.getenv(), flags()), System.getenv()));
    if (role == null) {
      return 2;
    }
    if (checkConfig) {
      return ServiceCommands.configurationIsValid(spec);
    }
    try (AlertService service = role.start(System.out, Clock.systemUTC())) {
      ServiceCommands.runUntilStopped(spec, service::stop, service::awaitTermination);
      if (service.failure() != null) {
        ServiceCommands.error(spec, service.failure());
        return 1;
      }
    }
    return 0;
  }

  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    if (bootstrapServers != null) {
      flags.put("kafka.bootstrapServers", bootstrapServers);
    }
    if (stateDir != null) {
      flags.put("alerts.stateDir", stateDir);
    }
    if (httpPort != null) {
      flags.put("alerts.http.port", httpPort.toString());
    }
    return flags;
  }
}
