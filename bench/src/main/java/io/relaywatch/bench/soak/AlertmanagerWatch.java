package io.relaywatch.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Alertmanager's {@code /api/v2/alerts} every time it is polled and keeps each relaywatch
 * alert it lists: its key ({@code verdict/subject} labels), {@code startsAt} and whether it is
 * still active. Alertmanager keeps alerts in memory only, so after its restart an alert is absent
 * until the alert service re-sends it; the observations span the whole run for that reason.
 */
final class AlertmanagerWatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI alerts;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<AlertState> seen = new ArrayList<>();
  private int failedPolls;

  AlertmanagerWatch(String baseUrl) {
    alerts = URI.create(baseUrl + "/api/v2/alerts");
  }

  /** One observation; a failed request (Alertmanager restarting) is counted, not thrown. */
  void poll() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(alerts).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("status " + response.statusCode());
      }
      record(JSON.readTree(response.body()), Instant.now());
    } catch (IOException e) {
      synchronized (this) {
        failedPolls++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void record(JsonNode list, Instant now) {
    for (JsonNode alert : list) {
      JsonNode labels = alert.path("labels");
      if (!"relaywatch".equals(labels.path("service").asText())) {
        continue;
      }
      Instant endsAt = Instant.parse(alert.path("endsAt").asText());
      seen.add(
          new AlertState(
              null,
              labels.path("verdict").asText() + "/" + labels.path("subject").asText(),
              endsAt.isAfter(now) ? "firing" : "resolved",
              Instant.parse(alert.path("startsAt").asText()),
              Instant.parse(alert.path("updatedAt").asText()),
              now));
    }
  }

  synchronized List<AlertState> seen() {
    return List.copyOf(seen);
  }

  synchronized int failedPolls() {
    return failedPolls;
  }
}
