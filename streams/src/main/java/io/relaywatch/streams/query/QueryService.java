package io.relaywatch.streams.query;

import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The answers of the HTTP API: this instance's stores for what it holds, the other instances over
 * HTTP for the rest (scatter-gather), merged. Throws {@link UnavailableException} while the answer
 * would be incomplete or stale.
 */
public final class QueryService {
  private final Cluster cluster;
  private final LocalQueries local;
  private final PeerClient peers;

  public QueryService(Cluster cluster, LocalQueries local, PeerClient peers) {
    this.cluster = cluster;
    this.local = local;
    this.peers = peers;
  }

  /** The top offenders across all instances. */
  public OffenderList offenders(Duration window, int limit) {
    requireAvailable();
    List<Offender> all = new ArrayList<>();
    int instances = 0;
    for (HostInfo host : cluster.instances()) {
      all.addAll(
          host.equals(cluster.self())
              ? localOffenders(window, limit).offenders()
              : peers.offenders(host, window, limit).offenders());
      instances++;
    }
    return new OffenderList(window.toString(), limit, instances, OffenderRanking.top(all, limit));
  }

  /** This instance's own top offenders (the internal endpoint). */
  public OffenderList localOffenders(Duration window, int limit) {
    requireAvailable();
    return new OffenderList(
        window.toString(), limit, 1, fromStores(() -> local.topOffenders(window, limit)));
  }

  /** A client's aggregates and sessions, from whichever instances hold them. */
  public ClientView client(String clientIp) {
    requireAvailable();
    HostInfo aggregatesHost = cluster.aggregatesHost(clientIp);
    List<RelayDenialAggregate> aggregates =
        aggregatesHost.equals(cluster.self())
            ? localAggregates(clientIp)
            : peers.aggregates(aggregatesHost, clientIp);
    HostInfo sessionsHost = cluster.sessionsHost(clientIp);
    List<SessionRecord> sessions =
        sessionsHost.equals(cluster.self())
            ? localSessions(clientIp)
            : peers.sessions(sessionsHost, clientIp);
    return new ClientView(clientIp, local.internal().contains(clientIp), aggregates, sessions);
  }

  public List<RelayDenialAggregate> localAggregates(String clientIp) {
    requireAvailable();
    return fromStores(() -> local.aggregates(clientIp));
  }

  public List<SessionRecord> localSessions(String clientIp) {
    requireAvailable();
    return fromStores(() -> local.sessions(clientIp));
  }

  private void requireAvailable() {
    String reason = cluster.unavailableReason();
    if (reason != null) {
      throw new UnavailableException(reason);
    }
  }

  private static <T> T fromStores(Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw new UnavailableException("state is migrating or restoring", e);
    }
  }
}
