package io.relaywatch.alerts.notify;

import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where alerts go and how delivery retries, validated at start-up. Keys are listed in
 * docs/alerts.md ("Receivers"). {@link #from} reads only the {@code alerts.*} keys it owns; the
 * service that composes it calls {@link Settings#rejectUnknownKeys()}.
 *
 * @param alertmanagerUrls base URLs of every Alertmanager replica (each gets every alert)
 * @param pagerDuty PagerDuty Events v2, or null when no routing key is set
 * @param webhookUrls generic webhook URLs
 * @param webhookSecret HMAC key for webhook signatures, or null for unsigned webhooks
 * @param stdout whether to print alert states on standard output
 * @param stateDir where the outboxes live; null only when no receiver is configured
 * @param stdoutColor whether the stdout blocks carry ANSI colours (a terminal, not a log file)
 * @param retry backoff after retryable failures
 * @param runbooks links to the verdict runbooks (docs/runbooks)
 * @param connectTimeout HTTP connect timeout
 * @param requestTimeout HTTP timeout for a whole request
 */
public record NotifyConfig(
    List<URI> alertmanagerUrls,
    PagerDuty pagerDuty,
    List<URI> webhookUrls,
    Secret webhookSecret,
    boolean stdout,
    boolean stdoutColor,
    Path stateDir,
    RetryPolicy retry,
    Runbooks runbooks,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** Shorter secrets are guessable; 16 characters is the floor, 32 random bytes the advice. */
  static final int MIN_SECRET_LENGTH = 16;

  /**
   * PagerDuty Events v2.
   *
   * @param url the events endpoint
   * @param routingKey the integration's routing key (never logged)
   * @param source the {@code payload.source}: the host relaywatch watches for
   */
  public record PagerDuty(URI url, Secret routingKey, String source) {}

  public NotifyConfig {
    alertmanagerUrls = List.copyOf(alertmanagerUrls);
    webhookUrls = List.copyOf(webhookUrls);
  }

  public boolean anyReceiver() {
    return !alertmanagerUrls.isEmpty() || pagerDuty != null || !webhookUrls.isEmpty() || stdout;
  }

  public static NotifyConfig from(Settings s) {
    List<URI> alertmanager = urls(s, "alerts.alertmanager.urls");
    PagerDuty pagerDuty = pagerDuty(s);
    List<URI> webhooks = urls(s, "alerts.webhook.urls");
    Secret secret = secret(s);
    boolean stdout = s.bool("alerts.stdout", false);
    boolean any = !alertmanager.isEmpty() || pagerDuty != null || !webhooks.isEmpty() || stdout;
    Path stateDir =
        any
            ? s.writableDirectory("alerts.stateDir", null)
            : optionalDir(s.string("alerts.stateDir", null));
    return new NotifyConfig(
        alertmanager,
        pagerDuty,
        webhooks,
        secret,
        stdout,
        s.bool("alerts.stdoutColor", false),
        stateDir,
        retry(s),
        runbooks(s),
        positive(s, "alerts.notify.connectTimeout", Duration.ofSeconds(5)),
        positive(s, "alerts.notify.requestTimeout", Duration.ofSeconds(10)));
  }

  private static Path optionalDir(String text) {
    return text == null || text.isBlank() ? null : Path.of(text);
  }

  private static List<URI> urls(Settings s, String key) {
    List<URI> out = new ArrayList<>();
    for (String text : s.list(key, List.of())) {
      out.add(httpUrl(key, text));
    }
    return out;
  }

  static URI httpUrl(String key, String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with what was expected
    }
    throw new ConfigException(
        key,
        key
            + ": '"
            + text
            + "' is not valid; expected an absolute http or https URL with a host and no"
            + " user info, such as http://127.0.0.1:9093");
  }

  private static PagerDuty pagerDuty(Settings s) {
    String key = "alerts.pagerduty.routingKey";
    String routingKey = s.string(key, null);
    String url = s.string("alerts.pagerduty.url", null);
    String source = s.string("alerts.pagerduty.source", null);
    if (routingKey == null || routingKey.isBlank()) {
      return null;
    }
    if (!routingKey.strip().matches("[A-Za-z0-9_-]{8,128}")) {
      // The value is a credential: the message names the key and the rule, never the value.
      throw new ConfigException(
          key, key + ": the value is not valid; expected a PagerDuty integration (routing) key");
    }
    return new PagerDuty(
        url == null ? PagerDutyReceiver.DEFAULT_URL : httpUrl("alerts.pagerduty.url", url),
        new Secret(routingKey.strip()),
        source == null || source.isBlank() ? localHostName() : source.strip());
  }

  private static Secret secret(Settings s) {
    String key = "alerts.webhook.secret";
    String value = s.string(key, null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() < MIN_SECRET_LENGTH) {
      throw new ConfigException(
          key,
          key
              + ": the value is too short; expected at least "
              + MIN_SECRET_LENGTH
              + " characters (32 random bytes, hex or base64, are advised)");
    }
    return new Secret(value);
  }

  private static RetryPolicy retry(Settings s) {
    Duration initial = positive(s, "alerts.retry.initial", RetryPolicy.DEFAULT.initial());
    Duration max = positive(s, "alerts.retry.max", RetryPolicy.DEFAULT.max());
    if (max.compareTo(initial) < 0) {
      throw new ConfigException(
          "alerts.retry.max",
          "alerts.retry.max: '"
              + max
              + "' is not valid; expected at least alerts.retry.initial ("
              + initial
              + ")");
    }
    return new RetryPolicy(initial, max);
  }

  private static Duration positive(Settings s, String key, Duration defaultValue) {
    Duration d = s.duration(key, defaultValue);
    if (d.isZero()) {
      throw new ConfigException(
          key, key + ": '0' is not valid; expected a positive duration such as 500ms, 5s or 1m");
    }
    return d;
  }

  private static Runbooks runbooks(Settings s) {
    String key = "alerts.runbookBaseUrl";
    String base = s.string(key, null);
    if (base == null || base.isBlank()) {
      return new Runbooks(Runbooks.DEFAULT_BASE);
    }
    return new Runbooks(httpUrl(key, base).toString());
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "relaywatch";
    }
  }
}
