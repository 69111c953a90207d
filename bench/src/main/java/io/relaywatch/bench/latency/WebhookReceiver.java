package io.relaywatch.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a pager sees: an HTTP server on 127.0.0.1 that the alert service's webhook receiver posts
 * to. Each firing state's arrival time goes to the {@link ProbeLog}, taken as soon as the body is
 * read, before answering 200.
 */
final class WebhookReceiver implements AutoCloseable {
  static final String PATH = "/hook";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final ProbeLog log;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong posts = new AtomicLong();

  private WebhookReceiver(HttpServer server, ProbeLog log) {
    this.server = server;
    this.log = log;
  }

  static WebhookReceiver start(ProbeLog log) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    WebhookReceiver receiver = new WebhookReceiver(server, log);
    server.createContext(PATH, receiver::handle);
    server.setExecutor(receiver.executor);
    server.start();
    return receiver;
  }

  /** The URL to configure as {@code alerts.webhook.urls}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  long posts() {
    return posts.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      byte[] bytes = body.readAllBytes();
      long now = System.nanoTime();
      posts.incrementAndGet();
      JsonNode alert = json.readTree(bytes).path("alert");
      if ("firing".equalsIgnoreCase(alert.path("status").asText())) {
        log.webhookAlert(alert.path("key").asText(), now);
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
