package io.relaywatch.kafka.testing;

import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import io.relaywatch.kafka.DataDirectoryException;
import io.relaywatch.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker every broker test in a JVM shares: Testcontainers' Kafka where Docker is available,
 * the {@link EmbeddedKafka} otherwise. It starts on first use and stops when the JVM exits.
 *
 * <p>Tests share it, so they use their own topic names (or tolerate the catalogue topics existing
 * already). A test that must kill or restart a broker uses {@link ChildProcessKafka} instead.
 *
 * <p>Modules using this test-jar declare {@code testcontainers-kafka} and {@code relaywatch-events}
 * as test dependencies themselves, since a test-jar's dependencies are not transitive.
 */
public final class KafkaFixture {
  /**
   * The image used with Docker, the same Kafka version as the embedded broker; {@code
   * -Drelaywatch.kafka.image=...} picks another.
   */
  public static final String IMAGE =
      System.getProperty("relaywatch.kafka.image", "apache/kafka:4.4.0");

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static Broker broker;

  private KafkaFixture() {}

  /** {@code HOST:PORT} of the shared broker, started now if this is the first call. */
  public static synchronized String bootstrapServers() {
    if (broker == null) {
      broker = DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-fixture-stop"));
    }
    return broker.bootstrapServers();
  }

  /** "testcontainers" or "embedded", for test output. */
  public static synchronized String kind() {
    bootstrapServers();
    return broker.kind();
  }

  /** Client properties reaching the shared broker, to which a test adds its own. */
  public static Map<String, Object> clientProperties() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /** Creates every topic of the catalogue ({@link Topics#ALL}) that does not exist yet. */
  public static void createCatalogueTopics(int partitions) {
    createTopics(Topics.ALL, partitions);
  }

  /** Creates the given topics, with one replica each; existing ones are left as they are. */
  public static void createTopics(Collection<? extends Topic<?, ?>> topics, int partitions) {
    createTopicsNamed(topics.stream().map(Topic::name).toList(), partitions);
  }

  /** Creates topics by name, for a test's own topics outside the catalogue. */
  public static void createTopicsNamed(List<String> names, int partitions) {
    List<NewTopic> wanted =
        names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
    try (Admin admin = Admin.create(clientProperties())) {
      for (var result : admin.createTopics(wanted).values().values()) {
        awaitCreated(result);
      }
    }
  }

  private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> result) {
    try {
      result.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("topic not created within " + ADMIN_TIMEOUT, e);
    }
  }

  private static Broker container() {
    KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE));
    container.start();
    return new Broker("testcontainers", container.getBootstrapServers(), container::stop);
  }

  private static Broker embedded() {
    try {
      Path dir = Files.createTempDirectory("relaywatch-kafka-fixture");
      EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start();
      return new Broker(
          "embedded",
          kafka.bootstrapServers(),
          () -> {
            kafka.close();
            Directories.deleteQuietly(dir);
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the fixture's data directory", e);
    } catch (DataDirectoryException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private record Broker(String kind, String bootstrapServers, Runnable stop) {
    void close() {
      stop.run();
    }
  }
}
