package io.relaywatch.cli;

import io.relaywatch.alerts.audit.AuditSettings;
import io.relaywatch.alerts.diagnose.DiagnoseConfig;
import io.relaywatch.alerts.service.AlertsRole;
import io.relaywatch.config.Settings;
import io.relaywatch.ingest.ship.ShipConfig;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Every role's reading of a settings file, for the tests that feed them broken files. */
final class RoleConfigs {
  static final List<Consumer<Settings>> ALL =
      List.of(
          s -> ShipConfig.from(s, Map.of()),
          s -> StreamsAppConfig.from(s, Map.of()),
          s -> AlertsRole.configure(s, Map.of()),
          DiagnoseConfig::from,
          AuditSettings::from);

  private RoleConfigs() {}

  /** Flags a role needs to start at all: state directories must exist and be writable. */
  static Map<String, String> startableFlags(Path dir) {
    return Map.of(
        "ship.stateDir", dir.resolve("ship").toString(),
        "ship.files", dir.resolve("mail.log").toString(),
        "streams.stateDir", dir.resolve("streams").toString(),
        "alerts.stateDir", dir.resolve("alerts").toString());
  }
}
