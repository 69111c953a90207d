package io.relaywatch.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook receiver the alert service notifies: an HTTP server on 127.0.0.1 that checks each
 * request's HMAC signature (docs/alerts.md, "Webhook") and records every alert state it is sent. A
 * request with a bad signature or body is answered 400 and counted, never recorded.
 */
final class WebhookSink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secret;
  private final HttpServer server;
  private final List<AlertState> received = new ArrayList<>();
  private int refused;

  WebhookSink(String secret) throws IOException {
    this.secret = secret;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/hook", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  synchronized List<AlertState> received() {
    return List.copyOf(received);
  }

  synchronized int refused() {
    return refused;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String timestamp = exchange.getRequestHeaders().getFirst("X-Relaywatch-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Relaywatch-Signature");
    AlertState state = null;
    if (signatureValid(secret, timestamp, body, signature)) {
      state = parse(body);
    }
    synchronized (this) {
      if (state == null) {
        refused++;
      } else {
        received.add(state);
      }
    }
    exchange.sendResponseHeaders(state == null ? 400 : 200, -1);
    exchange.close();
  }

  private static AlertState parse(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode alert = root.path("alert");
      return new AlertState(
          root.path("id").asText(),
          alert.path("key").asText(),
          alert.path("status").asText(),
          Instant.parse(alert.path("startsAt").asText()),
          Instant.parse(alert.path("updatedAt").asText()),
          Instant.now());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code signature} is {@code sha256=<hex>} of HMAC-SHA256 over timestamp.body. */
  static boolean signatureValid(String secret, String timestamp, byte[] body, String signature) {
    if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      byte[] expected =
          ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
              .getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HmacSHA256", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
