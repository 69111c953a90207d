package io.relaywatch.streams.app;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.Topic;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.ops.OpsServer;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.query.Cluster;
import io.relaywatch.streams.query.LocalQueries;
import io.relaywatch.streams.query.PeerClient;
import io.relaywatch.streams.query.QueryApi;
import io.relaywatch.streams.query.QueryService;
import io.relaywatch.streams.topology.RelaywatchTopology;
import io.relaywatch.streams.topology.StreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code relaywatch streams}: the topology in a {@link KafkaStreams} instance, with the ops HTTP
 * port ({@code /metrics}, {@code /healthz}) that also serves the query API ({@code /api/}). The CLI
 * builds the configuration and calls {@link #start()}.
 */
public final class StreamsApp implements AutoCloseable {
  /** The topics the application reads and writes, which it creates when they are missing. */
  public static final List<Topic<?, ?>> TOPICS =
      List.of(
          Topics.RAW_LINES,
          Topics.EVENTS,
          Topics.UNPARSED,
          Topics.RELAY_DENIALS,
          Topics.SESSIONS,
          Topics.MESSAGES,
          Topics.SASL_BACKEND_ERRORS);

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final OpsServer ops;

  private StreamsApp(KafkaStreams streams, OpsServer ops) {
    this.streams = streams;
    this.ops = ops;
  }

  public static StreamsApp start(StreamsAppConfig config) throws Exception {
    if (config.createTopics()) {
      try (Admin admin = Admin.create(config.kafka())) {
        TopicCreator.ensure(admin, TOPICS, config.partitions(), Duration.ofSeconds(30));
      }
    }
    CollectorRegistry registry = new CollectorRegistry(true);
    Topology topology =
        RelaywatchTopology.build(
            MailLogParser.create(config.zone()),
            new StreamsMetrics(registry),
            config.aggregation(),
            config.sessions(),
            config.messages());
    // The port is bound first: with port 0 only then is the port known that peers must be told
    // (application.server). Health and queries are answered 503 until Streams is RUNNING.
    AtomicReference<KafkaStreams> started = new AtomicReference<>();
    OpsServer ops =
        OpsServer.start(
            config.httpAddress(), config.httpPort(), registry, () -> problem(started.get()));
    try {
      HostInfo self = advertised(config, ops.port());
      KafkaStreams streams = new KafkaStreams(topology, properties(config, self));
      started.set(streams);
      new KafkaStreamsCollector(streams::metrics).register(registry);
      serveQueries(config, ops, streams, self, registry);
      streams.start();
      return new StreamsApp(streams, ops);
    } catch (RuntimeException e) {
      ops.close();
      throw e;
    }
  }

  private static void serveQueries(
      StreamsAppConfig config,
      OpsServer ops,
      KafkaStreams streams,
      HostInfo self,
      CollectorRegistry registry) {
    List<Duration> sizes = config.aggregation().windowSizes();
    LocalQueries local =
        new LocalQueries(LocalQueries.storesOf(streams), sizes, config.internalNetworks());
    QueryService service =
        new QueryService(Cluster.of(streams, self, sizes), local, new PeerClient());
    ops.handle("/api/", new QueryApi(service, sizes));
    new TopOffendersCollector(
            local, sizes, config.topK(), () -> streams.state() == KafkaStreams.State.RUNNING)
        .register(registry);
  }

  static HostInfo advertised(StreamsAppConfig config, int boundPort) {
    int port = config.advertisedPort() != 0 ? config.advertisedPort() : boundPort;
    return new HostInfo(config.advertisedHost(), port);
  }

  static Properties properties(StreamsAppConfig config, HostInfo self) {
    Properties p = new Properties();
    // Every task here reads one partition of one topic, so there is nothing to wait for to keep
    // partitions in time order; with idling on, Kafka Streams formatted log strings for each idle
    // task on every loop, a twentieth of the stream thread (docs/benchmarks.md). Overridable.
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    p.putAll(config.kafka());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    // Under exactly-once, readers see results only once committed: the interval bounds that delay.
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, PeerClient.authority(self));
    return p;
  }

  private static String problem(KafkaStreams streams) {
    if (streams == null) {
      return "kafka streams is starting";
    }
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING ? null : "kafka streams is " + state;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public int httpPort() {
    return ops.port();
  }

  /**
   * Stops cleanly and leaves the consumer group. Kafka Streams stays in the group by default (made
   * for static membership), so a restarted or stopped instance's partitions waited for the
   * coordinator's session timeout, 45 s, before any instance took them: a restart held processing
   * back 44 s (docs/benchmarks.md). A process killed outright still waits for that timeout.
   */
  @Override
  public void close() {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
    ops.close();
  }
}
