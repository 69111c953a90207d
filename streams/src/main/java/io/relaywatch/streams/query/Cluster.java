package io.relaywatch.streams.query;

import io.relaywatch.streams.topology.RecentSessions;
import io.relaywatch.streams.topology.RelayDenialAggregation;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the query service needs to know about the application's instances: whether this one can
 * answer, who the instances are (their {@code application.server}) and who holds a key.
 */
public interface Cluster {
  /** Null when queries can be answered, else why not (e.g. "kafka streams is REBALANCING"). */
  String unavailableReason();

  /** This instance's {@code application.server}. */
  HostInfo self();

  /** Every instance of the application, this one included. */
  Set<HostInfo> instances();

  /** The instance whose active task holds the client's relay-denial aggregates. */
  HostInfo aggregatesHost(String clientIp);

  /** The instance whose active task holds the client's recent sessions. */
  HostInfo sessionsHost(String clientIp);

  /** The cluster as a running Kafka Streams instance sees it. */
  static Cluster of(KafkaStreams streams, HostInfo self, List<Duration> windowSizes) {
    String aggregateStore = RelayDenialAggregation.storeName(windowSizes.get(0));
    return new Cluster() {
      @Override
      public String unavailableReason() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? null : "kafka streams is " + state;
      }

      @Override
      public HostInfo self() {
        return self;
      }

      @Override
      public Set<HostInfo> instances() {
        Set<HostInfo> hosts = new LinkedHashSet<>();
        hosts.add(self);
        for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
          hosts.add(m.hostInfo());
        }
        return hosts;
      }

      @Override
      public HostInfo aggregatesHost(String clientIp) {
        return activeHost(aggregateStore, clientIp);
      }

      @Override
      public HostInfo sessionsHost(String clientIp) {
        return activeHost(RecentSessions.STORE, clientIp);
      }

      private HostInfo activeHost(String store, String key) {
        KeyQueryMetadata m = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (m == null || KeyQueryMetadata.NOT_AVAILABLE.equals(m)) {
          throw new UnavailableException("no instance holds " + store + " for that key yet");
        }
        return m.activeHost();
      }
    };
  }
}
