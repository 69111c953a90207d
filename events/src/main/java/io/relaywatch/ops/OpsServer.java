package io.relaywatch.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Every relaywatch service's HTTP port: Prometheus {@code /metrics} and {@code /healthz} (200 when
 * healthy, 503 with the reason otherwise), on one JDK HTTP server.
 */
public final class OpsServer implements AutoCloseable {
  private final HttpServer server;
  private final HTTPServer metrics;

  private OpsServer(HttpServer server, HTTPServer metrics) {
    this.server = server;
    this.metrics = metrics;
  }

  /**
   * Starts serving.
   *
   * @param health null when healthy, else the reason it is not
   */
  public static OpsServer start(
      String address, int port, CollectorRegistry registry, Supplier<String> health)
      throws IOException {
    DefaultExports.register(registry);
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
    server.createContext("/healthz", exchange -> healthz(exchange, health.get()));
    HTTPServer metrics =
        new HTTPServer.Builder().withHttpServer(server).withRegistry(registry).build();
    return new OpsServer(server, metrics);
  }

  private static void healthz(HttpExchange exchange, String problem) throws IOException {
    byte[] body = (problem == null ? "ok\n" : problem + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(problem == null ? 200 : 503, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Serves a service's own endpoints on the same port, e.g. a query API under {@code /api/}. The
   * longest matching path prefix wins, so this never shadows {@code /metrics} or {@code /healthz}.
   */
  public void handle(String pathPrefix, HttpHandler handler) {
    server.createContext(pathPrefix, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    metrics.close();
  }
}
