package io.relaywatch.bench.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the relay denials per client of {@code relaywatch report --json --top N} (N at least the
 * number of clients, so that the list is complete).
 */
public final class RelaywatchReport {
  private RelaywatchReport() {}

  /** Relay denials per client IP, their total, and whether the report had to approximate. */
  public record RelayDenials(Map<String, Long> byIp, long total, boolean approximate) {}

  public static RelayDenials parse(String json) throws IOException {
    JsonNode denials = Json.mapper().readTree(json).path("relayDenials");
    Map<String, Long> byIp = new LinkedHashMap<>();
    for (JsonNode client : denials.path("top")) {
      byIp.merge(client.path("clientIp").asText(), client.path("count").asLong(), Long::sum);
    }
    return new RelayDenials(
        byIp, denials.path("total").asLong(), denials.path("approximate").asBoolean());
  }
}
