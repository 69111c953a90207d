package io.relaywatch.alerts.service;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.evidence.LedgerLimits;
import io.relaywatch.config.ConfigException;
import io.relaywatch.config.KafkaEnvironment;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Topics;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code relaywatch alerts} is configured with, validated at start-up. The receivers' own
 * settings ({@code alerts.alertmanager.*}, {@code alerts.stateDir} for their outbox, ...) are read
 * by the notifier's factory from the same {@link Settings}, so this does not reject unknown keys:
 * the caller does, once every part has read its keys. The service itself keeps no state on disk:
 * alert lifecycles live in {@code relaywatch.alerts}.
 *
 * @param kafka client properties: bootstrap servers, {@code kafka.properties.*}, {@code KAFKA_*}
 * @param groupId the consumer group the input positions are committed under (for monitoring: on
 *     start the service re-reads the last window of every input topic)
 * @param limits the evaluation window and the subject cap
 * @param timing evaluation, re-send and resolve intervals
 * @param verdicts the site: internal networks, local domains, MTA
 * @param kafkaTimeout how long start-up waits for the broker (topics, restoring, assigning)
 */
public record AlertsConfig(
    Map<String, Object> kafka,
    String groupId,
    LedgerLimits limits,
    AlertTiming timing,
    VerdictConfig verdicts,
    String httpAddress,
    int httpPort,
    boolean createTopics,
    int partitions,
    Duration kafkaTimeout) {

  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  public static final Duration DEFAULT_AGGREGATE_WINDOW_SIZE = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_SUBJECTS = 10_000;
  public static final int DEFAULT_HTTP_PORT = 9613;

  public AlertsConfig {
    kafka = Map.copyOf(kafka);
  }

  public static AlertsConfig from(Settings s, Map<String, String> env) {
    Map<String, Object> kafka = KafkaEnvironment.clientProperties(s, env);
    return new AlertsConfig(
        kafka,
        s.string("alerts.groupId", "relaywatch-alerts"),
        limits(s),
        timing(s),
        VerdictConfig.from(s),
        s.string("alerts.http.address", "0.0.0.0"),
        s.intValue("alerts.http.port", DEFAULT_HTTP_PORT, 0, 65535),
        s.bool("alerts.createTopics", true),
        s.intValue("alerts.partitions", 3, 1, 1024),
        positive(s, "alerts.kafkaTimeout", Duration.ofSeconds(30)));
  }

  private static LedgerLimits limits(Settings s) {
    Duration window = positive(s, "alerts.window", DEFAULT_WINDOW);
    Duration size = positive(s, "alerts.aggregateWindowSize", DEFAULT_AGGREGATE_WINDOW_SIZE);
    if (size.compareTo(window) > 0) {
      throw new ConfigException(
          "alerts.aggregateWindowSize",
          "alerts.aggregateWindowSize: '"
              + size
              + "' is not valid; expected at most alerts.window ("
              + window
              + ")");
    }
    return new LedgerLimits(
        window, size, s.intValue("alerts.maxSubjects", DEFAULT_MAX_SUBJECTS, 1, 10_000_000));
  }

  private static AlertTiming timing(Settings s) {
    AlertTiming d = AlertTiming.DEFAULTS;
    Duration evaluation = positive(s, "alerts.evaluationInterval", d.evaluationInterval());
    Duration resend = positive(s, "alerts.resendInterval", d.resendInterval());
    Duration resolve = positive(s, "alerts.resolveAfter", d.resolveAfter());
    // A quiet period shorter than the evaluation interval would resolve alerts between two
    // evaluations that both produce the finding.
    if (resolve.compareTo(evaluation) < 0) {
      throw new ConfigException(
          "alerts.resolveAfter",
          "alerts.resolveAfter: '"
              + resolve
              + "' is not valid; expected at least alerts.evaluationInterval ("
              + evaluation
              + ")");
    }
    // A firing alert is rewritten at every re-send; re-sent more rarely than the alerts topic
    // forgets keys, it would vanish from the topic and start again after a restart.
    Duration forget = Topics.ALERTS_FORGET_AFTER;
    if (resend.compareTo(forget.dividedBy(2)) > 0) {
      throw new ConfigException(
          "alerts.resendInterval",
          "alerts.resendInterval: '"
              + resend
              + "' is not valid; expected at most "
              + forget.dividedBy(2)
              + ", half the time relaywatch.alerts keeps an alert that is not written again");
    }
    return new AlertTiming(evaluation, resend, resolve);
  }

  private static Duration positive(Settings s, String key, Duration defaultValue) {
    Duration d = s.duration(key, defaultValue);
    if (d.isZero()) {
      throw new ConfigException(
          key, key + ": '" + d + "' is not valid; expected a positive duration such as 10s or 1m");
    }
    return d;
  }
}
