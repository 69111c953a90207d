package io.relaywatch.alerts.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}). A firing state is a {@code trigger}, a
 * resolved one a {@code resolve}, both with the same {@code dedup_key} ({@code relaywatch/<alert
 * key>}), so re-sends update one incident and the resolve closes it. The routing key is sent and
 * never logged.
 */
public final class PagerDutyReceiver implements Receiver {
  /** The public endpoint; configurable so tests and proxies can stand in. */
  public static final URI DEFAULT_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

  static final int MAX_SUMMARY = 1024;
  static final int MAX_DEDUP_KEY = 255;

  private final URI url;
  private final Secret routingKey;
  private final String source;
  private final HttpPost http;
  private final Runbooks runbooks;

  PagerDutyReceiver(URI url, Secret routingKey, String source, HttpPost http, Runbooks runbooks) {
    this.url = url;
    this.routingKey = routingKey;
    this.source = source;
    this.http = http;
    this.runbooks = runbooks;
  }

  @Override
  public String name() {
    return "pagerduty";
  }

  @Override
  public Delivery deliver(Alert alert) {
    try {
      return http.post(url, Json.mapper().writeValueAsBytes(event(alert)), Map.of());
    } catch (JsonProcessingException e) {
      return Delivery.permanent("cannot encode alert " + alert.key() + ": " + e.getMessage());
    }
  }

  ObjectNode event(Alert alert) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("routing_key", routingKey.reveal());
    boolean resolved = alert.status() == AlertStatus.RESOLVED;
    event.put("event_action", resolved ? "resolve" : "trigger");
    event.put("dedup_key", dedupKey(alert.key()));
    if (resolved) {
      return event;
    }
    event.put("client", "relaywatch");
    event.set("payload", payload(alert));
    if (runbooks.absolute()) {
      ObjectNode link = event.putArray("links").addObject();
      link.put("href", runbooks.url(alert.finding().verdict()));
      link.put("text", "Runbook: " + alert.finding().verdict().wireName());
    }
    return event;
  }

  private ObjectNode payload(Alert alert) {
    Finding f = alert.finding();
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("summary", truncate(f.summary(), MAX_SUMMARY));
    p.put("source", source);
    // relaywatch's severities are a subset of PagerDuty's (critical, error, warning, info).
    p.put("severity", f.severity().wireName());
    p.put("timestamp", alert.updatedAt().toString());
    p.put("component", f.subject());
    p.put("group", "relaywatch");
    p.put("class", f.verdict().wireName());
    ObjectNode details = p.putObject("custom_details");
    details.put("alert_key", alert.key());
    details.put("description", AlertmanagerReceiver.description(f));
    details.put("fix", FixText.of(f.fix()));
    details.set("fix_parts", Json.mapper().valueToTree(f.fix()));
    details.set("diagnostics", Json.mapper().valueToTree(f.diagnostics()));
    details.set(
        "evidence",
        Json.mapper().valueToTree(f.evidence().stream().map(Escape::terminal).toList()));
    details.put("runbook_url", runbooks.url(f.verdict()));
    return p;
  }

  /** Stable per alert key; long keys (a long domain) are hashed to fit PagerDuty's 255 chars. */
  static String dedupKey(String alertKey) {
    String key = "relaywatch/" + alertKey;
    if (key.length() <= MAX_DEDUP_KEY) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(alertKey.getBytes(StandardCharsets.UTF_8));
      return "relaywatch/sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
