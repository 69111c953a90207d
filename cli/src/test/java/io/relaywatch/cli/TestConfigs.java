package io.relaywatch.cli;

import io.relaywatch.config.Settings;
import io.relaywatch.ingest.ship.ShipConfig;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Settings for in-process pipeline tests: state under a test's directory, ports picked free. */
final class TestConfigs {
  private TestConfigs() {}

  static StreamsAppConfig streams(
      Path dir, String bootstrap, String applicationId, Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>(extra);
    flags.put("kafka.bootstrapServers", bootstrap);
    flags.put("streams.stateDir", dir.resolve("streams").toString());
    flags.put("streams.applicationId", applicationId);
    flags.put("streams.http.address", "127.0.0.1");
    flags.put("streams.http.port", "0");
    flags.put("streams.zone", "UTC");
    return StreamsAppConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  static ShipConfig ship(Path dir, String bootstrap, Path log, String id) {
    Map<String, String> flags =
        Map.of(
            "kafka.bootstrapServers",
            bootstrap,
            "ship.files",
            log.toString(),
            "ship.stateDir",
            dir.resolve("ship").toString(),
            "ship.host",
            "mx",
            "ship.id",
            id,
            "ship.metrics.port",
            "-1");
    return ShipConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }
}
