package io.relaywatch.alerts.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers with the status a test
 * chooses, standing in for Alertmanager, PagerDuty or a webhook endpoint.
 */
final class LoopbackServer implements AutoCloseable {
  /** One recorded request. */
  record Request(
      String method, String path, Map<String, List<String>> headers, byte[] body, int status) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  static {
    // Without it the JDK server writes headers and body in two segments and Nagle plus delayed
    // ACKs add about 40 ms to every request (real Alertmanager, a Go server, sets TCP_NODELAY).
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Integer> status = r -> 200;

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  static LoopbackServer start() {
    return start(0);
  }

  static LoopbackServer start(int port) {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      LoopbackServer s = new LoopbackServer(http);
      http.createContext("/", s::handle);
      http.setExecutor(Executors.newFixedThreadPool(2));
      http.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port nothing listens on (yet). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Request r =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body,
            0);
    int code = status.apply(r);
    requests.add(new Request(r.method(), r.path(), r.headers(), r.body(), code));
    if (code == 204) {
      exchange.sendResponseHeaders(code, -1);
    } else {
      byte[] answer = ("{\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(code, answer.length);
      exchange.getResponseBody().write(answer);
    }
    exchange.close();
  }

  void answer(int code) {
    status = r -> code;
  }

  void answer(Function<Request, Integer> fn) {
    status = fn;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests answered with a 2xx status. */
  List<Request> accepted() {
    return requests.stream().filter(r -> r.status() / 100 == 2).toList();
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
