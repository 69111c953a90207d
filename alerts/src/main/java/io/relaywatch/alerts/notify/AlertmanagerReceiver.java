package io.relaywatch.alerts.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Json;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Alertmanager replica, through API v2 ({@code POST /api/v2/alerts}). Alertmanager HA wants
 * every replica to get every alert, so each configured URL is its own receiver with its own outbox:
 * a replica that is down does not hold up, nor cause re-sends to, the others.
 *
 * <p>The labels (the alert's identity in Alertmanager) are {@code alertname} (the verdict id),
 * {@code verdict}, {@code severity}, {@code subject}, {@code client_ip} (client findings only) and
 * {@code service="relaywatch"}. A resolved state is the same alert with {@code endsAt} in the past.
 */
public final class AlertmanagerReceiver implements Receiver {
  static final String API_PATH = "/api/v2/alerts";

  private final String name;
  private final URI endpoint;
  private final HttpPost http;
  private final Runbooks runbooks;

  AlertmanagerReceiver(String name, URI baseUrl, HttpPost http, Runbooks runbooks) {
    this.name = name;
    this.endpoint = endpoint(baseUrl);
    this.http = http;
    this.runbooks = runbooks;
  }

  /** The alerts endpoint under a base URL; a base that already names it is kept as it is. */
  static URI endpoint(URI base) {
    String text = base.toString();
    if (text.endsWith(API_PATH)) {
      return base;
    }
    return URI.create(text.replaceAll("/+$", "") + API_PATH);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Delivery deliver(Alert alert) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(List.of(payload(alert, runbooks)));
    } catch (JsonProcessingException e) {
      return Delivery.permanent("cannot encode alert " + alert.key() + ": " + e.getMessage());
    }
    return http.post(endpoint, body, Map.of());
  }

  static Posted payload(Alert alert, Runbooks runbooks) {
    Finding f = alert.finding();
    return new Posted(
        labels(f),
        annotations(f, runbooks),
        alert.startsAt(),
        alert.endsAt(),
        // Alertmanager refuses a generatorURL that is not an absolute URI (HTTP 422).
        runbooks.absolute() ? runbooks.url(f.verdict()) : null);
  }

  static Map<String, String> labels(Finding f) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", f.verdict().wireName());
    labels.put("verdict", f.verdict().wireName());
    labels.put("severity", f.severity().wireName());
    labels.put("subject", f.subject());
    if (f.clientIp() != null) {
      labels.put("client_ip", f.clientIp());
    }
    labels.put("service", "relaywatch");
    return labels;
  }

  private static Map<String, String> annotations(Finding f, Runbooks runbooks) {
    Fix fix = f.fix();
    Map<String, String> a = new LinkedHashMap<>();
    a.put("summary", f.summary());
    a.put("description", description(f));
    a.put("fix", FixText.of(fix));
    putIfPresent(a, "fix_postfix", FixText.part(fix.postfix()));
    putIfPresent(a, "fix_exim", FixText.part(fix.exim()));
    putIfPresent(a, "fix_dovecot", fix.dovecot());
    putIfPresent(a, "fix_client", FixText.part(fix.client()));
    putIfPresent(a, "diagnostics", FixText.part(f.diagnostics()));
    // Raw log lines: made harmless for terminals; templates escape further for their medium.
    putIfPresent(
        a,
        "evidence",
        FixText.part(f.evidence().stream().map(Escape::terminal).collect(Collectors.toList())));
    a.put("runbook_url", runbooks.url(f.verdict()));
    return a;
  }

  static String description(Finding f) {
    return f.summary() + " (" + seen(f) + ")";
  }

  /** How many events back the finding and when they were logged. */
  static String seen(Finding f) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.count()).append(f.count() == 1 ? " event" : " events");
    if (f.firstSeen() != null && f.lastSeen() != null) {
      sb.append(" from ").append(f.firstSeen()).append(" to ").append(f.lastSeen());
    }
    return sb.toString();
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  /** One element of the posted array, in Alertmanager's {@code postableAlert} shape. */
  record Posted(
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant startsAt,
      Instant endsAt,
      @JsonProperty("generatorURL") @JsonInclude(JsonInclude.Include.NON_NULL)
          String generatorUrl) {}
}
