package io.relaywatch.alerts.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generic webhook: POSTs {@code {"version":"1","id":"<hex>","alert":<Alert>}} where the alert is
 * the same JSON as the {@code relaywatch.alerts} topic value and {@code id} names the alert state
 * (the same id for the same state, so receivers can drop duplicates). With a secret configured, the
 * request carries {@link WebhookSignature} headers.
 */
public final class WebhookReceiver implements Receiver {
  /** The envelope version; a change that breaks readers gets a new one. */
  public static final String VERSION = "1";

  private final String name;
  private final URI url;
  private final Secret secret;
  private final HttpPost http;
  private final Clock clock;

  WebhookReceiver(String name, URI url, Secret secret, HttpPost http, Clock clock) {
    this.name = name;
    this.url = url;
    this.secret = secret;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Delivery deliver(Alert alert) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(new Envelope(VERSION, stateId(alert), alert));
    } catch (JsonProcessingException e) {
      return Delivery.permanent("cannot encode alert " + alert.key() + ": " + e.getMessage());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    long now = clock.instant().getEpochSecond();
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
    if (secret != null) {
      headers.put(
          WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret.reveal(), now, body));
    }
    return http.post(url, body, headers);
  }

  /** Hex SHA-256 of key, status and updatedAt: one id per alert state. */
  static String stateId(Alert alert) {
    String state = alert.key() + "\n" + alert.status().wireName() + "\n" + alert.updatedAt();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The versioned body. */
  @JsonPropertyOrder({"version", "id", "alert"})
  record Envelope(String version, String id, Alert alert) {}
}
