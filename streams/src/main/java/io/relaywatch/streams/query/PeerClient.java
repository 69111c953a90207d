package io.relaywatch.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.relaywatch.events.Json;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application for its local answer, over the internal {@code
 * /api/local/...} endpoints. Any failure is an {@link UnavailableException}: the answer would be
 * incomplete, and a rebalance will soon settle who holds what.
 */
public final class PeerClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The peer's local top offenders. */
  public OffenderList offenders(HostInfo peer, Duration window, int limit) {
    return get(
        peer,
        "/api/local/offenders?window=" + window + "&limit=" + limit,
        Json.mapper().constructType(OffenderList.class));
  }

  /** The peer's aggregates of one client. */
  public List<RelayDenialAggregate> aggregates(HostInfo peer, String clientIp) {
    return get(
        peer,
        "/api/local/clients/" + encode(clientIp) + "/aggregates",
        Json.mapper().constructType(new TypeReference<List<RelayDenialAggregate>>() {}));
  }

  /** The peer's recent sessions of one client. */
  public List<SessionRecord> sessions(HostInfo peer, String clientIp) {
    return get(
        peer,
        "/api/local/clients/" + encode(clientIp) + "/sessions",
        Json.mapper().constructType(new TypeReference<List<SessionRecord>>() {}));
  }

  private <T> T get(HostInfo peer, String pathAndQuery, JavaType type) {
    URI uri = URI.create("http://" + authority(peer) + pathAndQuery);
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new UnavailableException(
            "instance " + authority(peer) + " answered " + response.statusCode());
      }
      return Json.mapper().readValue(response.body(), type);
    } catch (IOException e) {
      throw new UnavailableException("instance " + authority(peer) + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted asking " + authority(peer), e);
    }
  }

  /** {@code host:port}, with an IPv6 host in brackets. */
  public static String authority(HostInfo host) {
    String h = host.host();
    return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + host.port();
  }

  // Canonical IPv6 text has colons, which are fine in a path; encode anyway for safety.
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
