package io.relaywatch.demo;

import io.relaywatch.config.Settings;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.ingest.ship.ShipConfig;
import io.relaywatch.ingest.ship.ShipService;
import io.relaywatch.kafka.EmbeddedKafka;
import io.relaywatch.streams.app.StreamsApp;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * configured from one settings file; only their Kafka address and state directories are set here.
 */
public final class SingleHost implements AutoCloseable {
  private final EmbeddedKafka kafka;
  private final Deque<AutoCloseable> roles = new ArrayDeque<>();
  private StreamsApp streams;
  private ShipService ship;
  private Thread shipThread;

  private SingleHost(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  /**
   * Starts the broker under {@code dataDir/kafka}, creates the catalogue's topics, then the
   * topology and the shipper of {@code logs}. Their state lives under {@code dataDir} and survives
   * a restart.
   *
   * @param config the settings file, or null
   * @param ports the ops ports of ship, streams and alerts, in that order (0 picks free ones)
   */
  public static SingleHost start(
      Path dataDir,
      List<Path> logs,
      Path config,
      Map<String, String> env,
      int kafkaPort,
      int[] ports)
      throws Exception {
    Files.createDirectories(dataDir);
    EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka"), kafkaPort).start();
    SingleHost host = new SingleHost(kafka);
    try {
      host.createTopics();
      Map<String, String> flags = host.flags(dataDir, logs, ports);
      host.streams =
          StreamsApp.start(StreamsAppConfig.from(Settings.load(config, env, flags), env));
      host.roles.push(host.streams);
      host.startShip(
          ShipConfig.from(Settings.load(config, env, flags), env), InputStream.nullInputStream());
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

  private Map<String, String> flags(Path dataDir, List<Path> logs, int[] ports) {
    Map<String, String> flags = new HashMap<>();
    flags.put("kafka.bootstrapServers", kafka.bootstrapServers());
    flags.put("ship.files", String.join(",", logs.stream().map(Path::toString).toList()));
    flags.put("ship.stateDir", dataDir.resolve("ship").toString());
    flags.put("ship.metrics.port", Integer.toString(ports[0]));
    flags.put("streams.stateDir", dataDir.resolve("streams").toString());
    flags.put("streams.http.port", Integer.toString(ports[1]));
    flags.put("alerts.stateDir", dataDir.resolve("alerts").toString());
    flags.put("alerts.http.port", Integer.toString(ports[2]));
    return flags;
  }

  private void startShip(ShipConfig config, InputStream stdin) throws Exception {
    Files.createDirectories(config.stateDir());
    ship = ShipService.start(config, stdin);
    roles.push(ship);
    shipThread = new Thread(ship::run, "relaywatch-ship");
    shipThread.setDaemon(true);
    shipThread.start();
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The streams role's port: /metrics, /healthz and the offenders API. */
  public int streamsPort() {
    return streams.httpPort();
  }

  public int shipPort() {
    return ship.opsPort();
  }

  /** Stops the roles in reverse order of start (shipper first), then the broker. */
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
