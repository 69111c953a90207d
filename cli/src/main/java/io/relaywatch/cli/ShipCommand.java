package io.relaywatch.cli;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import io.relaywatch.ingest.ship.ShipConfig;
import io.relaywatch.ingest.ship.ShipService;
import io.relaywatch.ingest.ship.ShipperException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code relaywatch ship}: tails mail logs into Kafka, exactly once. */
@Command(
    name = "ship",
    description = {
      "Tails mail logs into Kafka with no line lost or duplicated (docs/shipper.md).",
      "Settings: --config FILE, then RELAYWATCH_* variables, then these flags; KAFKA_* variables"
          + " pass through as Kafka client properties."
    })
public final class ShipCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file.")
  Path config;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--file", paramLabel = "PATH", description = "A log file or glob; repeatable.")
  List<String> files;

  @Option(
      names = "--journald-unit",
      paramLabel = "UNIT",
      description = "Ship this systemd unit's journal entries; repeatable.")
  List<String> journaldUnits;

  @Option(
      names = "--journald-identifier",
      paramLabel = "ID",
      description = "Ship journal entries with this syslog identifier; repeatable.")
  List<String> journaldIdentifiers;

  @Option(names = "--stdin", description = "Ship standard input instead of files.")
  Boolean stdin;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Lock and local state.")
  String stateDir;

  @Option(names = "--topic", paramLabel = "NAME", description = "Default: relaywatch.raw-lines.")
  String topic;

  @Option(names = "--host", paramLabel = "NAME", description = "Record key. Default: host name.")
  String host;

  @Option(names = "--id", paramLabel = "ID", description = "Shipper id. Default: --host.")
  String id;

  @Option(names = "--metrics-port", paramLabel = "PORT", description = "Default 9611; -1: off.")
  Integer metricsPort;

  @Option(names = "--check-config", description = "Validate the settings and exit.")
  boolean checkConfig;

  @Override
  public Integer call() throws Exception {
    ShipConfig shipConfig =
        ServiceCommands.configure(
            spec,
            () ->
                ShipConfig.from(Settings.load(config, System.getenv(), flags()), System.getenv()));
    if (shipConfig == null) {
      return 2;
    }
    if (checkConfig) {
      return ServiceCommands.configurationIsValid(spec);
    }
    try (ShipService service = ShipService.start(shipConfig, main.stdin().get())) {
      ServiceCommands.runUntilStopped(spec, service::stop, service::run);
      return 0;
    } catch (ShipperException e) {
      ServiceCommands.error(spec, e.getMessage());
      return 1;
    } catch (ConfigException e) {
      ServiceCommands.error(spec, e.getMessage());
      return 2;
    }
  }

  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    put(flags, "kafka.bootstrapServers", bootstrapServers);
    put(flags, "ship.files", files == null ? null : String.join(",", files));
    put(
        flags,
        "ship.journald.units",
        journaldUnits == null ? null : String.join(",", journaldUnits));
    put(
        flags,
        "ship.journald.identifiers",
        journaldIdentifiers == null ? null : String.join(",", journaldIdentifiers));
    put(flags, "ship.stdin", stdin == null ? null : stdin.toString());
    put(flags, "ship.stateDir", stateDir);
    put(flags, "ship.topic", topic);
    put(flags, "ship.host", host);
    put(flags, "ship.id", id);
    put(flags, "ship.metrics.port", metricsPort == null ? null : metricsPort.toString());
    return flags;
  }

  private static void put(Map<String, String> flags, String key, String value) {
    if (value != null) {
      flags.put(key, value);
    }
  }
}
