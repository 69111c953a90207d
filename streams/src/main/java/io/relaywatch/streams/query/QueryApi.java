package io.relaywatch.streams.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.relaywatch.events.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /api/}: JSON only, GET only. Public: {@code /api/offenders} and {@code
 * /api/clients/{ip}}; internal, between instances: {@code /api/local/...}. Status codes: 200, 400
 * (bad parameter), 404, 405, 503 with {@code Retry-After} (rebalance, restore, peer not answering),
 * 500 (a bug). Every error body is {@code {"error": "..."}}.
 */
public final class QueryApi implements HttpHandler {
  /** Seconds a client should wait after a 503. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);
  private static final String CLIENTS = "/api/clients/";
  private static final String LOCAL_CLIENTS = "/api/local/clients/";

  private final QueryService service;
  private final List<Duration> windowSizes;

  public QueryApi(QueryService service, List<Duration> windowSizes) {
    this.service = service;
    this.windowSizes = List.copyOf(windowSizes);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response = respond(exchange.getRequestMethod(), exchange.getRequestURI());
      send(exchange, response);
    }
  }

  /** A status and a body to serialise as JSON. */
  public record Response(int status, Object body) {}

  /** The response to one request; public for tests, which need no server. */
  public Response respond(String method, URI uri) {
    if (!"GET".equals(method)) {
      return error(405, "only GET is supported");
    }
    try {
      // The raw path, so that an encoded slash inside the address cannot add a path segment.
      return new Response(200, route(uri.getRawPath(), QueryParams.parse(uri.getRawQuery())));
    } catch (NotFound e) {
      return error(404, e.getMessage());
    } catch (BadRequestException e) {
      return error(400, e.getMessage());
    } catch (UnavailableException e) {
      return error(503, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("query failed", e);
      return error(500, "internal error");
    }
  }

  private Object route(String path, Map<String, String> params) {
    if (path.equals("/api/offenders")) {
      return service.offenders(window(params), QueryParams.limit(params.get("limit")));
    }
    if (path.equals("/api/local/offenders")) {
      return service.localOffenders(window(params), QueryParams.limit(params.get("limit")));
    }
    if (path.startsWith(CLIENTS) && path.indexOf('/', CLIENTS.length()) < 0) {
      return service.client(clientIp(path.substring(CLIENTS.length())));
    }
    if (path.startsWith(LOCAL_CLIENTS)) {
      String[] parts = path.substring(LOCAL_CLIENTS.length()).split("/", -1);
      if (parts.length == 2 && parts[1].equals("aggregates")) {
        return service.localAggregates(clientIp(parts[0]));
      }
      if (parts.length == 2 && parts[1].equals("sessions")) {
        return service.localSessions(clientIp(parts[0]));
      }
    }
    throw new NotFound();
  }

  private static String clientIp(String rawSegment) {
    return QueryParams.clientIp(QueryParams.decode(rawSegment));
  }

  private Duration window(Map<String, String> params) {
    return QueryParams.window(params.get("window"), windowSizes);
  }

  private static final class NotFound extends RuntimeException {
    NotFound() {
      super("no such endpoint; see /api/offenders and /api/clients/{ip}", null, false, false);
    }
  }

  private static Response error(int status, String message) {
    return new Response(status, Map.of("error", message));
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(response.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (response.status() == 503) {
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
