package io.relaywatch.alerts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.alerts.evidence.TestRecords;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import io.relaywatch.events.Verdict;
import io.relaywatch.kafka.testing.KafkaFixture;
import io.relaywatch.kafka.testing.TopicContents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The alert service on a real broker: records on the Streams topics in, alert states on {@code
 * relaywatch.alerts} and at the notifier out, and a restart that carries on with a firing alert.
 * The evaluator is a stand-in threshold rule, so these hold whatever the engine's rules are.
 */
class AlertServiceIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Fires for three denials, two failed AUTHs of a client, or one SASL backend error. */
  private static final Evaluator RULES =
      e -> {
        if (e instanceof ClientEvidence c && c.relayDenials() >= 3) {
          return List.of(finding(Verdict.OPEN_RELAY_PROBE, c.clientIp()));
        }
        if (e instanceof ClientEvidence c && c.sessions().authFailures() >= 2) {
          return List.of(finding(Verdict.SASL_AUTH_FAILING, c.clientIp()));
        }
        if (e instanceof HostEvidence h && h.saslBackendErrors() >= 1) {
          return List.of(finding(Verdict.SASL_BACKEND_UNAVAILABLE, h.host()));
        }
        return List.of();
      };

  @Test
  void shouldWriteAndNotifyFiringThenResolvedForEachInputTopic() throws Exception {
    // Evidence lasts 6 s after its one-second aggregate window, alerts resolve 2 s after that.
    AlertsConfig config =
        config(
            "alerts-it-lifecycle",
            Map.of(
                "alerts.window", "6s",
                "alerts.aggregateWindowSize", "1s",
                "alerts.resolveAfter", "2s"));
    RecordingNotifier notifier = new RecordingNotifier();
    String prober = "203.0.113.71";
    String failing = "10.71.0.1";
    String host = "mx-it-71";
    try (AlertService service = start(config, notifier)) {
      await().atMost(DEADLINE).until(() -> service.problem() == null);
      Instant now = Instant.now();
      produce(Topics.RELAY_DENIALS, prober, aggregate(prober, now, Duration.ofSeconds(1), 3));
      produce(Topics.SESSIONS, failing, failedAuth(failing, now));
      produce(Topics.SASL_BACKEND_ERRORS, host, backendError(host, now));

      for (String key :
          List.of(
              "open_relay_probe/" + prober,
              "sasl_auth_failing/" + failing,
              "sasl_backend_unavailable/" + host)) {
        await()
            .atMost(DEADLINE)
            .untilAsserted(
                () ->
                    assertThat(notifier.of(key))
                        .extracting(Alert::status)
                        .startsWith(AlertStatus.FIRING)
                        .endsWith(AlertStatus.RESOLVED)
                        .containsOnlyOnce(AlertStatus.RESOLVED));
        Instant startsAt = notifier.of(key).get(0).startsAt();
        assertThat(notifier.of(key)).allSatisfy(a -> assertThat(a.startsAt()).isEqualTo(startsAt));
        await()
            .atMost(DEADLINE)
            .untilAsserted(
                () ->
                    assertThat(written(key))
                        .extracting(Alert::status)
                        .startsWith(AlertStatus.FIRING)
                        .endsWith(AlertStatus.RESOLVED));
      }
      String metrics = get("http://127.0.0.1:" + service.httpPort() + "/metrics");
      assertThat(metrics)
          .contains("relaywatch_alerts_records_total{topic=\"relaywatch.relay-denials\",}")
          .contains("relaywatch_alerts_records_total{topic=\"relaywatch.sessions\",}")
          .contains(
              "relaywatch_alerts_firing{verdict=\"open_relay_probe\",severity=\"critical\",} 0.0")
          .contains("relaywatch_alerts_evaluation_lag_seconds");
      assertThat(get("http://127.0.0.1:" + service.httpPort() + "/healthz")).isEqualTo("ok\n");
    }
    assertThat(notifier.closed()).isTrue();
  }

  @Test
  void shouldCarryOnWithAFiringAlertAfterARestart() throws Exception {
    AlertsConfig config =
        config(
            "alerts-it-restart",
            Map.of(
                "alerts.window", "10m",
                "alerts.aggregateWindowSize", "1m",
                "alerts.resolveAfter", "1m"));
    String prober = "203.0.113.72";
    String key = "open_relay_probe/" + prober;
    RecordingNotifier first = new RecordingNotifier();
    Instant startsAt;
    try (AlertService service = start(config, first)) {
      await().atMost(DEADLINE).until(() -> service.problem() == null);
      produce(
          Topics.RELAY_DENIALS, prober, aggregate(prober, Instant.now(), Duration.ofMinutes(1), 3));
      await().atMost(DEADLINE).until(() -> first.of(key).size() >= 2); // fired and re-sent
      startsAt = first.of(key).get(0).startsAt();
    }
    int writtenBeforeRestart = written(key).size();

    RecordingNotifier second = new RecordingNotifier();
    try (AlertService service = start(config, second)) {
      await().atMost(DEADLINE).until(() -> second.of(key).size() >= 2);

      assertThat(second.of(key))
          .allSatisfy(
              a -> {
                assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
                assertThat(a.startsAt()).isEqualTo(startsAt);
              });
      assertThat(written(key)).hasSizeGreaterThan(writtenBeforeRestart);
      assertThat(written(key))
          .allSatisfy(a -> assertThat(a.startsAt()).isEqualTo(startsAt))
          .noneSatisfy(a -> assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED));
    }
  }

  @Test
  void shouldNameTheRootCauseWithTheRealEngine() throws Exception {
    AlertsConfig config =
        config(
            "alerts-it-engine",
            Map.of(
                "alerts.window", "6s",
                "alerts.aggregateWindowSize", "1s",
                "alerts.resolveAfter", "2s",
                "localDomains", "example.com"));
    RecordingNotifier notifier = new RecordingNotifier();
    String app = "10.72.0.5";
    String key = "trusted_sender_not_in_mynetworks/" + app;
    try (AlertService service =
        start(config, VerdictEngine.create(config.verdicts())::evaluate, notifier)) {
      await().atMost(DEADLINE).until(() -> service.problem() == null);
      produce(Topics.RELAY_DENIALS, app, aggregate(app, Instant.now(), Duration.ofSeconds(1), 3));

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(notifier.of(key))
                      .extracting(Alert::status)
                      .startsWith(AlertStatus.FIRING)
                      .endsWith(AlertStatus.RESOLVED));
      Finding finding = notifier.of(key).get(0).finding();
      assertThat(finding.fix().postfix()).anyMatch(line -> line.contains(app + "/32"));
      assertThat(finding.evidence()).singleElement().matches(line -> line.contains(app));
    }
  }

  private static AlertsConfig config(String groupId, Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>(extra);
    flags.put("kafka.bootstrapServers", KafkaFixture.bootstrapServers());
    flags.put("alerts.groupId", groupId);
    flags.put("alerts.http.address", "127.0.0.1");
    flags.put("alerts.http.port", "0");
    flags.put("alerts.partitions", "2");
    flags.put("alerts.evaluationInterval", "200ms");
    flags.put("alerts.resendInterval", "1s");
    return AlertsConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  private static AlertService start(AlertsConfig config, RecordingNotifier notifier)
      throws Exception {
    return start(config, RULES, notifier);
  }

  private static AlertService start(
      AlertsConfig config, Evaluator evaluator, RecordingNotifier notifier) throws Exception {
    return AlertService.start(
        config, evaluator, notifier, new CollectorRegistry(true), Clock.systemUTC());
  }

  private static Finding finding(Verdict verdict, String subject) {
    return new Finding(
        verdict,
        Severity.CRITICAL,
        subject,
        verdict.subject() == Verdict.Subject.CLIENT ? subject : null,
        "stand-in finding",
        1,
        null,
        null,
        List.of(),
        List.of(),
        new Fix("stand-in fix", null, null, null, null));
  }

  private static RelayDenialAggregate aggregate(String ip, Instant now, Duration size, long count) {
    long sizeMs = size.toMillis();
    Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), sizeMs) * sizeMs);
    RelayDenialAggregate a = TestRecords.aggregate(ip, 0, size, count, List.of("example.net"));
    OffsetDateTime seen = now.atOffset(ZoneOffset.UTC);
    return new RelayDenialAggregate(
        ip,
        start,
        start.plus(size),
        size.toString(),
        count,
        a.recipientDomains(),
        true,
        a.recipientDomainList(),
        a.senders(),
        true,
        a.localSenders(),
        a.foreignSenders(),
        a.services(),
        a.smtpCodes(),
        a.mailHosts(),
        seen,
        seen,
        a.sampleLines());
  }

  private static SessionRecord failedAuth(String ip, Instant now) {
    SessionRecord s = TestRecords.session(ip, 0, AuthOutcome.FAILED, false, 2);
    OffsetDateTime end = now.atOffset(ZoneOffset.UTC);
    return new SessionRecord(
        s.host(),
        s.program(),
        s.pid(),
        s.service(),
        ip,
        s.clientHost(),
        end.minusSeconds(1),
        end,
        s.closedBy(),
        s.authOutcome(),
        null,
        s.authAttempts(),
        s.authFailures(),
        s.failedUsernames(),
        null,
        false,
        null);
  }

  private static MailEvent backendError(String host, Instant now) {
    return TestRecords.saslBackendError(host, 0, "Connection refused").toBuilder()
        .timestamp(now.atOffset(ZoneOffset.UTC))
        .build();
  }

  private static <V> void produce(Topic<String, V> topic, String key, V value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaFixture.bootstrapServers());
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }

  /** The states of one alert key on relaywatch.alerts, in order. */
  private static List<Alert> written(String key) {
    try (TopicContents contents = TopicContents.of(Topics.ALERTS.name())) {
      return contents.read().stream()
          .filter(r -> key.equals(r.key()))
          .map(r -> Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
          .toList();
    }
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
