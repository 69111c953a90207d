package io.relaywatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigTest {
  @TempDir Path tmp;

  private static NotifyConfig config(Map<String, String> flags) {
    return NotifyConfig.from(Settings.load(null, Map.of(), flags));
  }

  private Map<String, String> withState(String... keyValues) {
    Map<String, String> flags = new HashMap<>();
    flags.put("alerts.stateDir", tmp.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      flags.put(keyValues[i], keyValues[i + 1]);
    }
    return flags;
  }

  private static void assertRejected(Map<String, String> flags, String key, String message) {
    assertThatThrownBy(() -> config(flags))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message)
        .extracting(e -> ((ConfigException) e).key())
        .isEqualTo(key);
  }

  @Test
  void shouldConfigureNoReceiverAndNeedNoStateDirByDefault() {
    NotifyConfig c = config(Map.of());
    assertThat(c.anyReceiver()).isFalse();
    assertThat(c.stateDir()).isNull();
    assertThat(c.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60)));
    assertThat(c.runbooks()).isEqualTo(new Runbooks(Runbooks.DEFAULT_BASE));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldNameOneReceiverPerReplicaAndWebhookInConfigurationOrder() {
    NotifyConfig c =
        config(
            withState(
                "alerts.alertmanager.urls", "http://am1:9093, http://am2:9093/",
                "alerts.pagerduty.routingKey", "0123456789abcdef0123456789abcdef",
                "alerts.webhook.urls", "https://hooks.example.net/relaywatch",
                "alerts.webhook.secret", "0123456789abcdef0123",
                "alerts.stdout", "true"));
    assertThat(c.alertmanagerUrls())
        .containsExactly(URI.create("http://am1:9093"), URI.create("http://am2:9093/"));
    assertThat(c.pagerDuty().url()).isEqualTo(PagerDutyReceiver.DEFAULT_URL);
    assertThat(c.pagerDuty().source()).isNotBlank();
    assertThat(c.stateDir()).isEqualTo(tmp);
    PrintStream out = new PrintStream(OutputStream.nullOutputStream());
    assertThat(Receivers.from(c, out))
        .extracting(Receiver::name)
        .containsExactly("alertmanager-1", "alertmanager-2", "pagerduty", "webhook-1", "stdout");
  }

  @Test
  void shouldReadListsFromTheEnvironment() {
    Settings s =
        Settings.load(
            null,
            Map.of(
                "RELAYWATCH_ALERTS_ALERTMANAGER_URLS", "http://a:9093,http://b:9093",
                "RELAYWATCH_ALERTS_STATE_DIR", tmp.toString(),
                "RELAYWATCH_ALERTS_RETRY_MAX", "2m"),
            Map.of());
    NotifyConfig c = NotifyConfig.from(s);
    assertThat(c.alertmanagerUrls()).hasSize(2);
    assertThat(c.retry().max()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldRejectAUrlWithoutSchemeNamingKeyValueAndExpectation() {
    assertRejected(
        withState("alerts.alertmanager.urls", "am1:9093"),
        "alerts.alertmanager.urls",
        "alerts.alertmanager.urls: 'am1:9093' is not valid; expected an absolute http or https URL"
            + " with a host and no user info, such as http://127.0.0.1:9093");
  }

  @Test
  void shouldRejectOtherSchemesAndCredentialsInUrls() {
    assertThatThrownBy(() -> config(withState("alerts.webhook.urls", "ftp://hooks.example.net/x")))
        .hasMessageStartingWith("alerts.webhook.urls: 'ftp://hooks.example.net/x' is not valid");
    assertThatThrownBy(
            () ->
                config(
                    withState(
                        "alerts.pagerduty.routingKey",
                        "0123456789abcdef",
                        "alerts.pagerduty.url",
                        "https://user:pw@events.example.net/v2/enqueue")))
        .hasMessageStartingWith("alerts.pagerduty.url: ");
    assertThatThrownBy(() -> config(withState("alerts.runbookBaseUrl", "docs/runbooks")))
        .hasMessageStartingWith("alerts.runbookBaseUrl: 'docs/runbooks' is not valid");
  }

  @Test
  void shouldRequireAStateDirOnceAReceiverIsConfigured() {
    assertRejected(
        Map.of("alerts.stdout", "true"),
        "alerts.stateDir",
        "alerts.stateDir is required; expected a writable directory");
  }

  @Test
  void shouldRejectARetryMaxBelowTheInitialDelay() {
    assertRejected(
        withState("alerts.retry.initial", "10s", "alerts.retry.max", "5s"),
        "alerts.retry.max",
        "alerts.retry.max: 'PT5S' is not valid; expected at least alerts.retry.initial (PT10S)");
  }

  @Test
  void shouldRejectZeroTimeouts() {
    assertRejected(
        withState("alerts.notify.requestTimeout", "0s"),
        "alerts.notify.requestTimeout",
        "alerts.notify.requestTimeout: '0' is not valid; expected a positive duration such as 500ms,"
            + " 5s or 1m");
  }

  @Test
  void shouldRejectBadSecretsWithoutRepeatingThem() {
    assertRejected(
        withState("alerts.webhook.secret", "hunter2"),
        "alerts.webhook.secret",
        "alerts.webhook.secret: the value is too short; expected at least 16 characters (32 random"
            + " bytes, hex or base64, are advised)");
    assertRejected(
        withState("alerts.pagerduty.routingKey", "not a key; rm -rf"),
        "alerts.pagerduty.routingKey",
        "alerts.pagerduty.routingKey: the value is not valid; expected a PagerDuty integration"
            + " (routing) key");
  }

  @Test
  void shouldKeepSecretsOutOfTheConfigsText() {
    NotifyConfig c =
        config(
            withState(
                "alerts.pagerduty.routingKey", "0123456789abcdef0123456789abcdef",
                "alerts.webhook.urls", "http://127.0.0.1:8080/hook",
                "alerts.webhook.secret", "s3cr3t-s3cr3t-s3cr3t"));
    assertThat(c.toString())
        .doesNotContain("0123456789abcdef0123456789abcdef", "s3cr3t-s3cr3t-s3cr3t");
  }
}
