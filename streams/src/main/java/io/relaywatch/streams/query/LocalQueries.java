package io.relaywatch.streams.query;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.streams.topology.RecentSessions;
import io.relaywatch.streams.topology.RelayDenialAccumulator;
import io.relaywatch.streams.topology.RelayDenialAggregation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Queries of this instance's own stores (active tasks only). "Most recent window" means, per
 * client, the newest window of that size still held (the stores keep windows for the grace period,
 * a day by default), not the window containing the wall-clock now: a replayed backlog has no
 * windows near now, and a client that stopped an hour ago still shows its last count, dated by
 * {@code windowEnd}.
 *
 * <p>A store that is migrating or restoring throws {@code InvalidStateStoreException}.
 */
public final class LocalQueries {
  /** Where the stores come from: Kafka Streams, or a TopologyTestDriver in tests. */
  public interface Stores {
    ReadOnlyWindowStore<String, RelayDenialAccumulator> windows(String name);

    ReadOnlyKeyValueStore<String, SessionRecord> sessions(String name);
  }

  private final Stores stores;
  private final List<Duration> windowSizes;
  private final InternalNetworks internal;

  public LocalQueries(Stores stores, List<Duration> windowSizes, InternalNetworks internal) {
    this.stores = stores;
    this.windowSizes = List.copyOf(windowSizes);
    this.internal = internal;
  }

  /** Stores of a running Kafka Streams instance. */
  public static Stores storesOf(KafkaStreams streams) {
    return new Stores() {
      @Override
      public ReadOnlyWindowStore<String, RelayDenialAccumulator> windows(String name) {
        return streams.store(
            StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.windowStore()));
      }

      @Override
      public ReadOnlyKeyValueStore<String, SessionRecord> sessions(String name) {
        return streams.store(
            StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
      }
    };
  }

  public InternalNetworks internal() {
    return internal;
  }

  /** The local top offenders in each client's most recent window of this size. */
  public List<Offender> topOffenders(Duration size, int limit) {
    Map<String, KeyValue<Windowed<String>, RelayDenialAccumulator>> newest = new HashMap<>();
    try (KeyValueIterator<Windowed<String>, RelayDenialAccumulator> all =
        stores.windows(RelayDenialAggregation.storeName(size)).all()) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, RelayDenialAccumulator> entry = all.next();
        newest.merge(
            entry.key.key(),
            entry,
            (a, b) -> a.key.window().start() >= b.key.window().start() ? a : b);
      }
    }
    List<Offender> rows = new ArrayList<>(newest.size());
    for (KeyValue<Windowed<String>, RelayDenialAccumulator> entry : newest.values()) {
      rows.add(Offender.of(toAggregate(entry.key, entry.value, size), internal));
    }
    return OffenderRanking.top(rows, limit);
  }

  /** The client's most recent window of each size, shortest size first. */
  public List<RelayDenialAggregate> aggregates(String clientIp) {
    List<RelayDenialAggregate> out = new ArrayList<>();
    for (Duration size : windowSizes) {
      try (WindowStoreIterator<RelayDenialAccumulator> newestFirst =
          stores
              .windows(RelayDenialAggregation.storeName(size))
              .backwardFetch(clientIp, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
        if (newestFirst.hasNext()) {
          KeyValue<Long, RelayDenialAccumulator> newest = newestFirst.next();
          out.add(newest.value.toAggregate(clientIp, Instant.ofEpochMilli(newest.key), size));
        }
      }
    }
    return out;
  }

  /** The client's latest sessions, newest first. */
  public List<SessionRecord> sessions(String clientIp) {
    return RecentSessions.newestFirst(stores.sessions(RecentSessions.STORE), clientIp);
  }

  private static RelayDenialAggregate toAggregate(
      Windowed<String> window, RelayDenialAccumulator totals, Duration size) {
    return totals.toAggregate(window.key(), window.window().startTime(), size);
  }
}
