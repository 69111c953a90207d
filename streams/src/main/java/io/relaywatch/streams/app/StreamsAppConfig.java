package io.relaywatch.streams.app;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.KafkaEnvironment;
import io.relaywatch.config.Settings;
import io.relaywatch.streams.topology.AggregationConfig;
import io.relaywatch.streams.topology.SessionConfig;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code relaywatch streams} is configured with, validated at start-up.
 *
 * @param kafka client properties: bootstrap servers, {@code kafka.properties.*}, {@code KAFKA_*}
 * @param zone zone of log timestamps that carry none
 */
public record StreamsAppConfig(
    Map<String, Object> kafka,
    String applicationId,
    Path stateDir,
    String processingGuarantee,
    int threads,
    ZoneId zone,
    String httpAddress,
    int httpPort,
    boolean createTopics,
    int partitions,
    AggregationConfig aggregation,
    SessionConfig sessions) {

  private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

  public StreamsAppConfig {
    kafka = Map.copyOf(kafka);
  }

  public static StreamsAppConfig from(Settings s, Map<String, String> env) {
    Map<String, Object> kafka = new LinkedHashMap<>(s.subtree("kafka.properties"));
    kafka.put(
        "bootstrap.servers",
        s.requiredString("kafka.bootstrapServers", "host:port[,host:port...]"));
    kafka.putAll(KafkaEnvironment.clientProperties(env));
    String guarantee = s.string("streams.processingGuarantee", "exactly_once_v2");
    if (!GUARANTEES.contains(guarantee)) {
      throw new ConfigException(
          "streams.processingGuarantee",
          "streams.processingGuarantee: '"
              + guarantee
              + "' is not valid; expected exactly_once_v2 or at_least_once");
    }
    StreamsAppConfig config =
        new StreamsAppConfig(
            kafka,
            s.string("streams.applicationId", "relaywatch-streams"),
            s.writableDirectory("streams.stateDir", null),
            guarantee,
            s.intValue("streams.threads", 1, 1, 64),
            zone(s.string("streams.zone", ZoneId.systemDefault().getId())),
            s.string("streams.http.address", "0.0.0.0"),
            s.intValue("streams.http.port", 9612, 0, 65535),
            s.bool("streams.createTopics", true),
            s.intValue("streams.partitions", 3, 1, 1024),
            aggregation(s),
            new SessionConfig(
                s.duration("sessions.timeout", SessionConfig.DEFAULT_TIMEOUT),
                s.duration("sessions.scanInterval", SessionConfig.DEFAULT_SCAN_INTERVAL)));
    s.rejectUnknownKeys();
    return config;
  }

  private static AggregationConfig aggregation(Settings s) {
    AggregationConfig d = AggregationConfig.DEFAULTS;
    return new AggregationConfig(
        s.durations("aggregation.windowSizes", d.windowSizes()),
        s.duration("aggregation.grace", d.grace()),
        s.list("aggregation.localDomains", d.localDomains()),
        s.intValue("aggregation.distinctCap", d.distinctCap(), 1, 1_000_000),
        s.intValue("aggregation.listLimit", d.listLimit(), 1, 1_000));
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
