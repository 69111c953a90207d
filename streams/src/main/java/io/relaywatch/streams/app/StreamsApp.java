package io.relaywatch.streams.app;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.ops.OpsServer;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.topology.RelaywatchTopology;
import io.relaywatch.streams.topology.StreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * {@code relaywatch streams}: the topology in a {@link KafkaStreams} instance, with the ops HTTP
 * port ({@code /metrics}, {@code /healthz}). The CLI builds the configuration and calls {@link
 * #start()}.
 */
public final class StreamsApp implements AutoCloseable {
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
        TopicCreator.ensure(
            admin,
            List.of(
                Topics.RAW_LINES,
                Topics.EVENTS,
                Topics.UNPARSED,
                Topics.RELAY_DENIALS,
                Topics.SESSIONS,
                Topics.SASL_BACKEND_ERRORS),
            config.partitions(),
            Duration.ofSeconds(30));
      }
    }
    CollectorRegistry registry = new CollectorRegistry(true);
    Topology topology =
        RelaywatchTopology.build(
            MailLogParser.create(config.zone()),
            new StreamsMetrics(registry),
            config.aggregation(),
            config.sessions());
    KafkaStreams streams = new KafkaStreams(topology, properties(config));
    new KafkaStreamsCollector(streams::metrics).register(registry);
    OpsServer ops =
        OpsServer.start(config.httpAddress(), config.httpPort(), registry, () -> problem(streams));
    streams.start();
    return new StreamsApp(streams, ops);
  }

  static Properties properties(StreamsAppConfig config) {
    Properties p = new Properties();
    p.putAll(config.kafka());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    // Events go to their topic as soon as they are parsed; commits every 100 ms bound the latency
    // that exactly-once adds (its default for exactly_once_v2 is also 100 ms, written for clarity).
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return p;
  }

  private static String problem(KafkaStreams streams) {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING ? null : "kafka streams is " + state;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public int httpPort() {
    return ops.port();
  }

  @Override
  public void close() {
    streams.close(CLOSE_TIMEOUT);
    ops.close();
  }
}
