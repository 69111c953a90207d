package io.relaywatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prometheus.client.CollectorRegistry;
import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.alerts.notify.Notifier;
import io.relaywatch.alerts.service.AlertService;
import io.relaywatch.alerts.service.AlertsConfig;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relaywatch alerts}: the alert service, until Ctrl-C or SIGTERM. */
@Command(
    name = "alerts",
    description = {
      "Runs the alert service: reads relaywatch.relay-denials, relaywatch.sessions and"
          + " relaywatch.sasl-backend-errors, names the root cause of what it sees, keeps every"
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

  /** The validated settings of the service and of its receivers, before anything starts. */
  private record Configured(AlertsConfig alerts, Function<CollectorRegistry, Notifier> notifier) {}

  @Override
  public Integer call() throws Exception {
    Configured configured = ServiceCommands.configure(spec, this::configure);
    if (configured == null) {
      return 2;
    }
    if (checkConfig) {
      return ServiceCommands.configurationIsValid(spec);
    }
    AlertsConfig alerts = configured.alerts();
    CollectorRegistry registry = new CollectorRegistry(true);
    try (AlertService service =
        AlertService.start(
            alerts,
            VerdictEngine.create(alerts.verdicts())::evaluate,
            configured.notifier().apply(registry),
            registry,
            Clock.systemUTC())) {
      ServiceCommands.runUntilStopped(spec, service::stop, service::awaitTermination);
      if (service.failure() != null) {
        ServiceCommands.error(spec, service.failure());
        return 1;
      }
    }
    return 0;
  }

  private Configured configure() {
    Settings settings = Settings.load(config, System.getenv(), flags());
    AlertsConfig alerts = AlertsConfig.from(settings, System.getenv());
    Function<CollectorRegistry, Notifier> notifier = notifiers(settings);
    // Only now: the receivers' keys share the alerts section and must have been read first.
    settings.rejectUnknownKeys();
    return new Configured(alerts, notifier);
  }

  /**
   * THE ONE PLACE THE RECEIVERS ARE BUILT. It reads their settings now (so that they are validated
   * with the rest) and starts them later, with the service's metrics registry.
   *
   * <p>PLACEHOLDER until the receivers (alerts/.../notify, issue 5) are merged: it prints each
   * alert state as a JSON line. Wiring them is: {@code NotifyConfig notify =
   * NotifyConfig.from(settings); return registry -> DurableNotifier.start(notify, registry,
   * System.out);}
   */
  private Function<CollectorRegistry, Notifier> notifiers(Settings settings) {
    PrintWriter out = spec.commandLine().getOut();
    return registry -> new JsonLinesNotifier(out);
  }

  /** Placeholder receiver: one JSON line per alert state on standard output. */
  private static final class JsonLinesNotifier implements Notifier {
    private final PrintWriter out;

    JsonLinesNotifier(PrintWriter out) {
      this.out = out;
    }

    @Override
    public synchronized void submit(Alert alert) {
      try {
        out.println(Json.mapper().writeValueAsString(alert));
        out.flush();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("an alert state cannot be written as JSON", e);
      }
    }

    @Override
    public void close() {
      out.flush();
    }
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
