package io.relaywatch.alerts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsConfigTest {
  private AlertsConfig config(Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>(extra);
    flags.put("kafka.bootstrapServers", "127.0.0.1:9092");
    return AlertsConfig.from(Settings.load(null, Map.of(), flags), Map.of());
  }

  @Test
  void shouldUseTheDocumentedDefaults() {
    AlertsConfig c = config(Map.of());

    assertThat(c.groupId()).isEqualTo("relaywatch-alerts");
    assertThat(c.limits().window()).isEqualTo(Duration.ofHours(1));
    assertThat(c.limits().aggregateWindowSize()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.limits().maxSubjects()).isEqualTo(10_000);
    assertThat(c.timing()).isEqualTo(AlertTiming.DEFAULTS);
    assertThat(c.timing().endsAfter()).isEqualTo(Duration.ofMinutes(4));
    assertThat(c.httpPort()).isEqualTo(9613);
    assertThat(c.createTopics()).isTrue();
    assertThat(c.kafka()).containsEntry("bootstrap.servers", "127.0.0.1:9092");
    assertThat(c.verdicts().internal().contains("10.1.2.3")).isTrue();
  }

  @Test
  void shouldReadTheIntervalsInEitherDurationSyntax() {
    AlertsConfig c =
        config(
            Map.of(
                "alerts.evaluationInterval", "5s",
                "alerts.resendInterval", "PT2M",
                "alerts.resolveAfter", "10m",
                "alerts.window", "30m",
                "alerts.aggregateWindowSize", "PT1M"));

    assertThat(c.timing())
        .isEqualTo(
            new AlertTiming(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMinutes(10)));
    assertThat(c.limits().window()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void shouldRejectAResendIntervalLongerThanTheAlertsTopicKeepsAQuietKey() {
    assertThatThrownBy(() -> config(Map.of("alerts.resendInterval", "4d")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "alerts.resendInterval: 'PT96H' is not valid; expected at most PT84H, half the time"
                + " relaywatch.alerts keeps");
  }

  @Test
  void shouldRejectAZeroResendIntervalNamingKeyAndValue() {
    assertThatThrownBy(() -> config(Map.of("alerts.resendInterval", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "alerts.resendInterval: 'PT0S' is not valid; expected a positive duration such as 10s"
                + " or 1m");
  }

  @Test
  void shouldRejectAnUnreadableWindow() {
    assertThatThrownBy(() -> config(Map.of("alerts.window", "an hour")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("alerts.window (from flag): 'an hour' is not valid; expected");
  }

  @Test
  void shouldRejectAnAggregateWindowLongerThanTheEvaluationWindow() {
    assertThatThrownBy(
            () -> config(Map.of("alerts.window", "10m", "alerts.aggregateWindowSize", "1h")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "alerts.aggregateWindowSize: 'PT1H' is not valid; expected at most alerts.window"
                + " (PT10M)");
  }

  @Test
  void shouldRejectAQuietPeriodShorterThanTheEvaluationInterval() {
    assertThatThrownBy(
            () -> config(Map.of("alerts.evaluationInterval", "1m", "alerts.resolveAfter", "30s")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "alerts.resolveAfter: 'PT30S' is not valid; expected at least"
                + " alerts.evaluationInterval (PT1M)");
  }

  @Test
  void shouldRejectAnOutOfRangePortAndSubjectCap() {
    assertThatThrownBy(() -> config(Map.of("alerts.http.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("alerts.http.port (from flag): '70000' is not valid");
    assertThatThrownBy(() -> config(Map.of("alerts.maxSubjects", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("alerts.maxSubjects (from flag): '0' is not valid");
  }

  @Test
  void shouldRequireTheBootstrapServers() {
    assertThatThrownBy(() -> AlertsConfig.from(Settings.load(null, Map.of(), Map.of()), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kafka.bootstrapServers is required");
  }

  @Test
  void shouldRejectAnInternalNetworkThatIsNoNetwork() {
    assertThatThrownBy(() -> config(Map.of("networks.internal", "10.0.0.0/8,intranet")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("networks.internal")
        .hasMessageContaining("intranet");
  }
}
