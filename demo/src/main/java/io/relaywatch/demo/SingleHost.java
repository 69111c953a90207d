package io.relaywatch.demo;

import io.relaywatch.alerts.service.AlertService;
import io.relaywatch.alerts.service.AlertsRole;
import io.relaywatch.config.Settings;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.ingest.ship.ShipConfig;
import io.relaywatch.ingest.ship.ShipService;
import io.relaywatch.kafka.EmbeddedKafka;
import io.relaywatch.streams.app.StreamsApp;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * Every role in one JVM on an embedded broker: the single-host mode of {@code relaywatch all} and
 * the engine of {@code relaywatch demo}. The roles are the same classes the separate commands run,
 * configured from one settings file; only their Kafka address, state directories and ports are set
 * here.
 */
public final class SingleHost implements AutoCloseable {
  /**
   * Where a single host keeps its data and listens.
   *
   * @param dataDir the broker's data and every role's state, kept across restarts
   * @param logs the mail logs to ship
   * @param kafkaPort the broker's port on 127.0.0.1 (0: any free one)
   * @param shipPort the shipper's /metrics port (0: any free one)
   * @param streamsPort the topology's /metrics and offenders API port (0: any free one)
   * @param alertsPort the alert service's /metrics port (0: any free one)
   */
  public record Layout(
      Path dataDir, List<Path> logs, int kafkaPort, int shipPort, int streamsPort, int alertsPort) {
    public Layout {
      logs = List.copyOf(logs);
    }
  }

  private final EmbeddedKafka kafka;
  private final Deque<AutoCloseable> roles = new ArrayDeque<>();
  private StreamsApp streams;
  private AlertService alerts;
  private ShipService ship;
  private Thread shipThread;

  private SingleHost(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  /**
   * Starts the broker, creates the catalogue's topics, then the topology, the alert service and the
   * shipper.
   *
   * @param config the settings file, or null
   * @param env environment variables, which override the file
   * @param defaults settings that apply where neither the file nor the environment sets them
   * @param console where the stdout receiver prints alerts
   */
  public static SingleHost start(
      Layout layout,
      Path config,
      Map<String, String> env,
      Map<String, String> defaults,
      PrintStream console)
      throws Exception {
    Files.createDirectories(layout.dataDir());
    EmbeddedKafka kafka =
        new EmbeddedKafka(layout.dataDir().resolve("kafka"), layout.kafkaPort()).start();
    SingleHost host = new SingleHost(kafka);
    try {
      host.createTopics();
      Map<String, String> flags = host.flags(layout);
      Settings fileAndEnv = Settings.load(config, env, Map.of());
      defaults.forEach((key, value) -> flags.putIfAbsent(key, fileAndEnv.string(key, value)));
      host.streams =
          StreamsApp.start(StreamsAppConfig.from(Settings.load(config, env, flags), env));
      host.roles.push(host.streams);
      host.alerts =
          AlertsRole.configure(Settings.load(config, env, flags), env)
              .start(console, Clock.systemUTC());
      host.roles.push(host.alerts);
      host.startShip(ShipConfig.from(Settings.load(config, env, flags), env));
      return host;
    } catch (Exception | Error e) {
      host.close();
      throw e;
    }
  }

  private void createTopics() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(admin, Topics.ALL, 3, Duration.ofSeconds(30));
    }
  }

  private Map<String, String> flags(Layout layout) {
    Path data = layout.dataDir();
    Map<String, String> flags = new HashMap<>();
    flags.put("kafka.bootstrapServers", kafka.bootstrapServers());
    flags.put("ship.files", String.join(",", layout.logs().stream().map(Path::toString).toList()));
    flags.put("ship.stateDir", data.resolve("ship").toString());
    flags.put("ship.metrics.port", Integer.toString(layout.shipPort()));
    flags.put("streams.stateDir", data.resolve("streams").toString());
    flags.put("streams.http.port", Integer.toString(layout.streamsPort()));
    flags.put("alerts.stateDir", data.resolve("alerts").toString());
    flags.put("alerts.http.port", Integer.toString(layout.alertsPort()));
    return flags;
  }

  private void startShip(ShipConfig config) throws Exception {
    Files.createDirectories(config.stateDir());
    ship = ShipService.start(config, InputStream.nullInputStream());
    roles.push(ship);
    shipThread = new Thread(ship::run, "relaywatch-ship");
    shipThread.setDaemon(true);
    shipThread.start();
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public int shipPort() {
    return ship.opsPort();
  }

  /** The topology's port: /metrics, /healthz and the offenders API. */
  public int streamsPort() {
    return streams.httpPort();
  }

  public int alertsPort() {
    return alerts.httpPort();
  }

  /** Stops the shipper first, then the other roles in reverse order of start, then the broker. */
  @Override
  public void close() throws Exception {
    if (ship != null) {
      ship.stop();
      if (shipThread != null) {
        shipThread.join(Duration.ofSeconds(30).toMillis());
      }
    }
    while (!roles.isEmpty()) {
      roles.pop().close();
    }
    kafka.close();
  }
}
