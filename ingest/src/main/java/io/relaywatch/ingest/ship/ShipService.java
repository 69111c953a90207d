package io.relaywatch.ingest.ship;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.config.ConfigException;
import io.relaywatch.events.Topic;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.ops.OpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code relaywatch ship} as a whole: the state directory lock, topics, the ops HTTP port and the
 * shipping loop. The CLI only builds the configuration and calls {@link #run()}.
 */
public final class ShipService implements AutoCloseable {
  private static final String LOCK_FILE = "ship.lock";

  private final ShipConfig config;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Shipper shipper;
  private final OpsServer ops;

  private ShipService(ShipConfig config, InputStream stdin, CollectorRegistry registry)
      throws IOException {
    this.config = config;
    this.lockChannel =
        FileChannel.open(
            config.stateDir().resolve(LOCK_FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    this.lock = lockChannel.tryLock();
    if (lock == null) {
      lockChannel.close();
      throw new ConfigException(
          "ship.stateDir",
          "ship.stateDir " + config.stateDir() + " is in use by another relaywatch ship process");
    }
    ShipMetrics metrics = new ShipMetrics(registry);
    this.shipper =
        new Shipper(
            config,
            new ConfiguredSources(config, stdin),
            metrics,
            Clock.systemUTC(),
            config.createTopics() ? this::createTopics : () -> {});
    this.ops =
        config.metricsPort() < 0
            ? null
            : OpsServer.start(
                config.metricsAddress(), config.metricsPort(), registry, this::problem);
  }

  /** Locks the state directory and opens the ops port; call {@link #run()} next. */
  public static ShipService start(ShipConfig config, InputStream stdin) throws IOException {
    return new ShipService(config, stdin, new CollectorRegistry(true));
  }

  /** Ships until stopped, or until standard input ends. */
  public void run() {
    shipper.run();
  }

  private void createTopics() throws Exception {
    List<Topic<?, ?>> topics =
        List.of(
            Topics.RAW_LINES.withName(config.topic()),
            Topics.SHIP_CHECKPOINTS.withName(config.checkpointTopic()));
    try (Admin admin = Admin.create(config.kafka())) {
      TopicCreator.ensure(admin, topics, 3, config.kafkaTimeout());
    }
  }

  private String problem() {
    return shipper.healthy() ? null : "kafka unreachable or shipper stopped";
  }

  public int opsPort() {
    return ops == null ? -1 : ops.port();
  }

  public void stop() {
    shipper.stop();
  }

  public Path stateDir() {
    return config.stateDir();
  }

  @Override
  public void close() throws IOException {
    shipper.stop();
    if (ops != null) {
      ops.close();
    }
    lock.release();
    lockChannel.close();
  }
}
