package io.relaywatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Json;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.streams.topology.AggregationConfig;
import io.relaywatch.streams.topology.RelayDenialAccumulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances, each with its own stores (a TopologyTestDriver) and HTTP port, answering for each
 * other over the internal endpoints: the scatter-gather without a broker.
 */
class QueryApiTest {
  @TempDir Path dirA;
  @TempDir Path dirB;
  private StoreDriver storesA;
  private StoreDriver storesB;
  private Instance a;
  private Instance b;

  /** A fake cluster of two: 203.0.113.0/24 lives on B, everything else on A. */
  private final class FakeCluster implements Cluster {
    final AtomicReference<String> unavailable = new AtomicReference<>();
    HostInfo self;

    @Override
    public String unavailableReason() {
      return unavailable.get();
    }

    @Override
    public HostInfo self() {
      return self;
    }

    @Override
    public Set<HostInfo> instances() {
      return new LinkedHashSet<>(List.of(a.host, b.host));
    }

    @Override
    public HostInfo aggregatesHost(String clientIp) {
      return clientIp.startsWith("203.0.113.") ? b.host : a.host;
    }

    @Override
    public HostInfo sessionsHost(String clientIp) {
      return aggregatesHost(clientIp);
    }
  }

  private final class Instance {
    final FakeCluster cluster = new FakeCluster();
    final HttpServer server;
    final HostInfo host;

    Instance(LocalQueries.Stores stores) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      host = new HostInfo("127.0.0.1", server.getAddress().getPort());
      cluster.self = host;
      LocalQueries local =
          new LocalQueries(
              stores, AggregationConfig.DEFAULTS.windowSizes(), InternalNetworks.defaults());
      server.createContext(
          "/api/",
          new QueryApi(
              new QueryService(cluster, local, new PeerClient()),
              AggregationConfig.DEFAULTS.windowSizes()));
      server.start();
    }

    HttpResponse<String> get(String path) throws Exception {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
    }
  }

  @BeforeEach
  void start() throws IOException {
    storesA =
        new StoreDriver(dirA)
            .session("192.0.2.7", "10:10:00", 3)
            .session("10.0.0.5", "10:11:00", 1);
    storesB =
        new StoreDriver(dirB)
            .session("203.0.113.9", "10:20:00", 5)
            .session("203.0.113.10", "10:21:00", 2);
    a = new Instance(storesA.stores());
    b = new Instance(storesB.stores());
  }

  @AfterEach
  void stop() {
    a.server.stop(0);
    b.server.stop(0);
    storesA.close();
    storesB.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void shouldMergeTheTopOffendersOfAllInstances() throws Exception {
    HttpResponse<String> response = a.get("/api/offenders?window=1h&limit=3");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(body.get("window").asText()).isEqualTo("PT1H");
    assertThat(body.get("instances").asInt()).isEqualTo(2);
    JsonNode rows = body.get("offenders");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("clientIp").asText()).isEqualTo("203.0.113.9");
    assertThat(rows.get(0).get("count").asLong()).isEqualTo(5);
    assertThat(rows.get(0).get("recipientDomains").asLong()).isEqualTo(5);
    assertThat(rows.get(0).get("internal").asBoolean()).isFalse();
    assertThat(rows.get(0).get("windowStart").asText()).isEqualTo("2026-11-03T10:00:00Z");
    assertThat(rows.get(0).get("windowEnd").asText()).isEqualTo("2026-11-03T11:00:00Z");
    assertThat(rows.get(0).get("firstSeen").asText()).startsWith("2026-11-03T10:20");
    assertThat(rows.get(1).get("clientIp").asText()).isEqualTo("192.0.2.7");
    assertThat(rows.get(2).get("clientIp").asText()).isEqualTo("203.0.113.10");
    assertThat(json(b.get("/api/offenders?window=PT1H&limit=3")).get("offenders")).isEqualTo(rows);
  }

  @Test
  void shouldAnswerForAClientFromTheInstanceThatHoldsIt() throws Exception {
    JsonNode body = json(a.get("/api/clients/203.0.113.9"));

    assertThat(body.get("clientIp").asText()).isEqualTo("203.0.113.9");
    assertThat(body.get("aggregates")).hasSize(2);
    assertThat(body.get("aggregates").get(1).get("windowSize").asText()).isEqualTo("PT1H");
    assertThat(body.get("aggregates").get(1).get("count").asLong()).isEqualTo(5);
    assertThat(body.get("sessions")).hasSize(1);
    assertThat(body.get("sessions").get(0).get("relayDenied").asBoolean()).isTrue();
    assertThat(json(a.get("/api/clients/10.0.0.5")).get("internal").asBoolean()).isTrue();
  }

  @Test
  void shouldRefuseANonAddressWithoutEchoingIt() throws Exception {
    HttpResponse<String> response = a.get("/api/clients/%3Cscript%3Ealert(1)%3C%2Fscript%3E");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("script").contains("\"error\"");
    assertThat(a.get("/api/offenders?limit=0").statusCode()).isEqualTo(400);
    assertThat(a.get("/api/offenders?window=5m").statusCode()).isEqualTo(400);
    assertThat(a.get("/api/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswer503WithRetryAfterWhileRebalancing() throws Exception {
    a.cluster.unavailable.set("kafka streams is REBALANCING");

    HttpResponse<String> response = a.get("/api/offenders?window=1h");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(json(response).get("error").asText()).isEqualTo("kafka streams is REBALANCING");
  }

  @Test
  void shouldAnswer503WhenAPeerCannotAnswer() throws Exception {
    b.cluster.unavailable.set("kafka streams is PENDING_SHUTDOWN");

    HttpResponse<String> response = a.get("/api/offenders?window=1h");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).get("error").asText()).contains("answered 503");
    assertThat(a.get("/api/clients/192.0.2.7").statusCode()).isEqualTo(200);
    assertThat(a.get("/api/clients/203.0.113.9").statusCode()).isEqualTo(503);
  }

  @Test
  void shouldAnswer503WhileAStoreIsMigrating() throws Exception {
    LocalQueries.Stores migrating =
        new LocalQueries.Stores() {
          @Override
          public ReadOnlyWindowStore<String, RelayDenialAccumulator> windows(String name) {
            throw new InvalidStateStoreException("migrating");
          }

          @Override
          public ReadOnlyKeyValueStore<String, SessionRecord> sessions(String name) {
            throw new InvalidStateStoreException("migrating");
          }
        };
    Instance restoring = new Instance(migrating);
    try {
      HttpResponse<String> response = restoring.get("/api/local/offenders?window=1m");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(restoring.get("/api/local/clients/192.0.2.7/sessions").statusCode())
          .isEqualTo(503);
    } finally {
      restoring.server.stop(0);
    }
  }
}
