package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Relay denials per client IP in tumbling windows, one store and one output stream per window size:
 * {@code events by client IP -> real relay denials -> group by IP -> per window size: aggregate ->
 * relaywatch.relay-denials}.
 *
 * <p>Tumbling, not hopping: each denial updates exactly one window per size, so the cost per denial
 * is one store write per size, and an aggregate's count is "denials in this minute (hour)", which
 * thresholds can be written against. A burst split by a boundary still shows in the larger window.
 * Every update is emitted (no suppress), so an alert never waits for a window to close; within one
 * commit interval the record cache may fold several updates into the newest one.
 */
public final class RelayDenialAggregation {
  /** The value serde of the window stores. */
  public static final Serde<RelayDenialAccumulator> ACCUMULATOR_SERDE =
      StoreValueSerde.accumulators();

  private RelayDenialAggregation() {}

  /** Adds the aggregation, writing to {@link Topics#RELAY_DENIALS}. */
  public static void addTo(KStream<String, MailEvent> eventsByClientIp, AggregationConfig config) {
    addTo(eventsByClientIp, config, Topics.RELAY_DENIALS);
  }

  /**
   * Adds the aggregation.
   *
   * @param eventsByClientIp events keyed by client IP; events without one are skipped
   * @param config window sizes, grace, local domains and limits
   * @param sink where the aggregates go (a renamed {@link Topics#RELAY_DENIALS})
   */
  public static void addTo(
      KStream<String, MailEvent> eventsByClientIp,
      AggregationConfig config,
      Topic<String, RelayDenialAggregate> sink) {
    KGroupedStream<String, MailEvent> denialsByIp =
        eventsByClientIp
            .filter(
                (ip, e) -> e != null && e.isRelayDenial() && e.clientIp() != null,
                Named.as("relay-denials-only"))
            // Only a repartition, when the caller re-keyed the stream, gets this name and serde.
            .groupByKey(
                Grouped.with("relay-denials-by-ip", Serdes.String(), new BinaryMailEventSerde()));
    for (Duration size : config.windowSizes()) {
      aggregate(denialsByIp, size, config, sink);
    }
  }

  private static void aggregate(
      KGroupedStream<String, MailEvent> denialsByIp,
      Duration size,
      AggregationConfig config,
      Topic<String, RelayDenialAggregate> sink) {
    String prefix = "relay-denials-" + AggregationConfig.label(size);
    denialsByIp
        .windowedBy(TimeWindows.ofSizeAndGrace(size, config.grace()))
        .aggregate(
            RelayDenialAccumulator::new,
            (ip, event, totals) -> totals.add(event, config),
            Named.as(prefix + "-aggregate"),
            Materialized.<String, RelayDenialAccumulator, WindowStore<Bytes, byte[]>>as(
                    storeName(size))
                .withKeySerde(Serdes.String())
                .withValueSerde(ACCUMULATOR_SERDE))
        .toStream(Named.as(prefix + "-updates"))
        .map((window, totals) -> toRecord(window, totals, size), Named.as(prefix + "-to-aggregate"))
        .to(
            sink.name(),
            Produced.with(sink.keySerde(), sink.valueSerde()).withName(prefix + "-sink"));
  }

  private static KeyValue<String, RelayDenialAggregate> toRecord(
      Windowed<String> window, RelayDenialAccumulator totals, Duration size) {
    String ip = window.key();
    return KeyValue.pair(ip, totals.toAggregate(ip, window.window().startTime(), size));
  }

  /** The name of the window store for one window size, for interactive queries. */
  public static String storeName(Duration windowSize) {
    return "relay-denials-" + AggregationConfig.label(windowSize) + "-store";
  }
}
