package io.relaywatch.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker (combined broker and KRaft controller) on 127.0.0.1, built from
 * Kafka's own artifacts. Its data lives under one directory, formatted on first start and reused
 * afterwards, so records survive a restart.
 *
 * <p>{@link KafkaRaftServer} and {@link Formatter} are Kafka internals, not a public API: they are
 * used here and nowhere else, the Kafka version is pinned in the parent POM, and {@code
 * EmbeddedKafkaIT} is the smoke test that catches a version bump breaking them.
 */
public final class EmbeddedKafka implements AutoCloseable {
  /** Kafka's files, in a subdirectory so that a user's directory never looks like a partition. */
  static final String LOG_SUBDIRECTORY = "kraft";

  private final Path dataDir;
  private final int requestedPort;
  private final CountDownLatch closed = new CountDownLatch(1);
  private KafkaRaftServer server;
  private int port;

  /**
   * A broker keeping its data in {@code dataDir} (created when missing) and listening on {@code
   * port}, or on a free port when {@code port} is 0. Nothing starts before {@link #start()}.
   */
  public EmbeddedKafka(Path dataDir, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.dataDir = dataDir.toAbsolutePath();
    this.requestedPort = port;
  }

  /**
   * Formats the data directory if this is its first use, then starts the broker and returns once it
   * accepts clients.
   *
   * @throws DataDirectoryException when the data directory cannot be created or written
   */
  public synchronized EmbeddedKafka start() throws DataDirectoryException {
    if (server != null || closed.getCount() == 0) {
      throw new IllegalStateException("already started; restart with a new EmbeddedKafka");
    }
    Path logDir = prepare(dataDir);
    port = requestedPort == 0 ? freePort() : requestedPort;
    KafkaConfig config = KafkaConfig.fromProps(BrokerSettings.of(logDir, port, freePort()), false);
    formatOnce(logDir);
    KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
    started.startup();
    server = started;
    return this;
  }

  /** {@code 127.0.0.1:PORT}, for the {@code bootstrap.servers} of a client. */
  public synchronized String bootstrapServers() {
    return BrokerSettings.HOST + ":" + port();
  }

  /** The port clients connect to. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return port;
  }

  /** The directory holding the broker's data. */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops the broker and waits until it has flushed and released its files. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
    closed.countDown();
  }

  /**
   * Closes this broker when the JVM is asked to stop (SIGTERM, Ctrl-C), so that a foreground broker
   * flushes its logs instead of leaving them to recovery on the next start.
   */
  public EmbeddedKafka closeAtJvmExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "relaywatch-kafka-stop"));
    return this;
  }

  /** Blocks until {@link #close()} has finished, whichever thread called it. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  private static Path prepare(Path dataDir) throws DataDirectoryException {
    try {
      Files.createDirectories(dataDir);
    } catch (FileAlreadyExistsException e) {
      throw new DataDirectoryException(dataDir, "not a directory");
    } catch (IOException e) {
      throw new DataDirectoryException(dataDir, "cannot create it (" + e.getMessage() + ")");
    }
    if (!Files.isDirectory(dataDir)) {
      throw new DataDirectoryException(dataDir, "not a directory");
    }
    Path logDir = dataDir.resolve(LOG_SUBDIRECTORY);
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new DataDirectoryException(dataDir, "not writable");
    }
    if (!Files.isWritable(logDir)) {
      throw new DataDirectoryException(dataDir, "not writable");
    }
    return logDir;
  }

  /** Writes meta.properties and the bootstrap metadata, unless an earlier start already did. */
  private static void formatOnce(Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    Formatter formatter =
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
            .setClusterId(Uuid.randomUuid().toString())
            .setNodeId(BrokerSettings.NODE_ID)
            .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
            .setMetadataLogDirectory(logDir.toString())
            .setDirectories(List.of(logDir.toString()))
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
    try {
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format the Kafka log directory " + logDir, e);
    }
  }

  /** A port free right now; another process may take it before the broker binds it. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
