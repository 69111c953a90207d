package io.relaywatch.streams.app;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.KafkaEnvironment;
import io.relaywatch.config.Settings;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.streams.topology.AggregationConfig;
import io.relaywatch.streams.topology.MessageConfig;
import io.relaywatch.streams.topology.SessionConfig;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code relaywatch streams} is configured with, validated at start-up.
 *
 * @param kafka client properties: bootstrap servers, {@code kafka.properties.*}, {@code KAFKA_*}
 * @param commitInterval how often Streams commits; under exactly-once also how long results wait
 *     before readers see them (see {@link #DEFAULT_COMMIT_INTERVAL})
 * @param zone zone of log timestamps that carry none
 * @param advertisedHost the host other instances reach this one's HTTP port at ({@code
 *     application.server})
 * @param advertisedPort that port; 0 means the port actually bound
 * @param topK rows per window size of the top-offender gauge
 * @param internalNetworks clients marked {@code internal} in the API
 * @param messages message correlation: its timeout, local domains and (for the metrics) networks
 */
public record StreamsAppConfig(
    Map<String, Object> kafka,
    String applicationId,
    Path stateDir,
    String processingGuarantee,
    int threads,
    Duration commitInterval,
    ZoneId zone,
    String httpAddress,
    int httpPort,
    String advertisedHost,
    int advertisedPort,
    int topK,
    InternalNetworks internalNetworks,
    boolean createTopics,
    int partitions,
    AggregationConfig aggregation,
    SessionConfig sessions,
    MessageConfig messages) {

  /**
   * 100 ms, Streams' own default for exactly-once: results reach readers within a tenth of a
   * second. Every commit flushes the producer and ends a transaction, and the stream thread waits
   * for both; catching up a large backlog, a longer interval (1s) lets it spend that time
   * processing instead (docs/benchmarks.md).
   */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

  private static final Duration MIN_COMMIT_INTERVAL = Duration.ofMillis(10);
  private static final Duration MAX_COMMIT_INTERVAL = Duration.ofMinutes(1);

  private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

  public StreamsAppConfig {
    kafka = Map.copyOf(kafka);
  }

  public static StreamsAppConfig from(Settings s, Map<String, String> env) {
    Map<String, Object> kafka = KafkaEnvironment.clientProperties(s, env);
    String guarantee = s.string("streams.processingGuarantee", "exactly_once_v2");
    if (!GUARANTEES.contains(guarantee)) {
      throw new ConfigException(
          "streams.processingGuarantee",
          "streams.processingGuarantee: '"
              + guarantee
              + "' is not valid; expected exactly_once_v2 or at_least_once");
    }
    InternalNetworks internal = internalNetworks(s);
    AggregationConfig aggregation = aggregation(s);
    StreamsAppConfig config =
        new StreamsAppConfig(
            kafka,
            s.string("streams.applicationId", "relaywatch-streams"),
            s.writableDirectory("streams.stateDir", null),
            guarantee,
            s.intValue("streams.threads", 1, 1, 64),
            commitInterval(s),
            zone(s.string("streams.zone", ZoneId.systemDefault().getId())),
            s.string("streams.http.address", "0.0.0.0"),
            s.intValue("streams.http.port", 9612, 0, 65535),
            s.string("streams.http.advertisedHost", advertisedHostDefault(s)),
            s.intValue("streams.http.advertisedPort", 0, 0, 65535),
            s.intValue("streams.topK", 10, 1, 20),
            internal,
            s.bool("streams.createTopics", true),
            s.intValue("streams.partitions", 3, 1, 1024),
            aggregation,
            new SessionConfig(
                s.duration("sessions.timeout", SessionConfig.DEFAULT_TIMEOUT),
                s.duration("sessions.scanInterval", SessionConfig.DEFAULT_SCAN_INTERVAL)),
            new MessageConfig(
                s.duration("messages.timeout", MessageConfig.DEFAULT_TIMEOUT),
                s.duration("messages.scanInterval", MessageConfig.DEFAULT_SCAN_INTERVAL),
                aggregation.localDomains(),
                internal));
    s.rejectUnknownKeys();
    return config;
  }

  private static Duration commitInterval(Settings s) {
    Duration interval = s.duration("streams.commitInterval", DEFAULT_COMMIT_INTERVAL);
    if (interval.compareTo(MIN_COMMIT_INTERVAL) < 0
        || interval.compareTo(MAX_COMMIT_INTERVAL) > 0) {
      throw new ConfigException(
          "streams.commitInterval",
          "streams.commitInterval: '"
              + interval
              + "' is not valid; expected a duration from 10ms to 1m, e.g. 500ms");
    }
    return interval;
  }

  private static AggregationConfig aggregation(Settings s) {
    AggregationConfig d = AggregationConfig.DEFAULTS;
    return new AggregationConfig(
        s.durations("aggregation.windowSizes", d.windowSizes()),
        s.duration("aggregation.grace", d.grace()),
        s.list("localDomains", d.localDomains()),
        s.intValue("aggregation.distinctCap", d.distinctCap(), 1, 1_000_000),
        s.intValue("aggregation.listLimit", d.listLimit(), 1, 1_000));
  }

  // A wildcard bind address cannot be dialled; loopback suits one host, and a multi-host
  // deployment must name the address its peers reach (docs/streams.md).
  private static String advertisedHostDefault(Settings s) {
    String bind = s.string("streams.http.address", "0.0.0.0");
    return bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty() ? "127.0.0.1" : bind;
  }

  private static InternalNetworks internalNetworks(Settings s) {
    List<String> cidrs = s.list("networks.internal", InternalNetworks.DEFAULT_CIDRS);
    try {
      return InternalNetworks.of(cidrs);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("networks.internal", "networks.internal: " + e.getMessage());
    }
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new ConfigException(
          "streams.zone",
          "streams.zone: '"
              + text
              + "' is not valid; expected a zone such as Europe/Berlin, UTC or +01:00");
    }
  }
}
