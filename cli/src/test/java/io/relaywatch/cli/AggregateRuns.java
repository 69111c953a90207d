package io.relaywatch.cli;

import static org.awaitility.Awaitility.await;

import io.relaywatch.config.Settings;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.kafka.testing.TopicContents;
import io.relaywatch.streams.app.StreamsApp;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the Streams ITs share: shipping generated lines straight into {@code relaywatch.raw-lines},
 * the application's settings, and the final relay-denial aggregates of a run.
 */
final class AggregateRuns {
  static final int PARTITIONS = 4;
  static final String APPLICATION_ID = "aggregate-runs";

  private AggregateRuns() {}

  /**
   * Sends the lines as the shipper would: key = mail host, time = when shipped. Fails if the broker
   * refused any of them: a line lost here would look like a line the application lost.
   */
  static void ship(String bootstrap, RelayDenialLog log, List<RelayDenialLog.Line> lines) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    long shipped = log.shippedAt().toEpochMilli();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (RelayDenialLog.Line line : lines) {
        producer.send(
            new ProducerRecord<>(
                Topics.RAW_LINES.name(),
                null,
                shipped,
                line.host(),
                line.text().getBytes(StandardCharsets.UTF_8)),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new AssertionError("the broker refused shipped lines", failure.get());
    }
  }

  /**
   * Creates the catalogue topics the way the application does ({@link #PARTITIONS} partitions), so
   * that a line shipped before a child JVM has created them does not auto-create a 1-partition
   * {@code relaywatch.raw-lines}.
   */
  static void createTopics(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicCreator.ensure(admin, StreamsApp.TOPICS, PARTITIONS, Duration.ofSeconds(30));
      awaitLeaders(admin, Topics.RAW_LINES.name());
    }
  }

  /**
   * Waits until the broker serves every partition of {@code topic} as leader: a ListOffsets request
   * is answered only then. Shipping into a partition created a moment before got
   * NOT_LEADER_OR_FOLLOWER for the producer's first batch, and its retry was then refused as out of
   * sequence behind the later batches, losing about a hundred lines.
   */
  private static void awaitLeaders(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    admin.listOffsets(ends).all().get(60, TimeUnit.SECONDS);
  }

  /**
   * Partitions whose log start offset has moved, as {@code topic-partition start/end}: records the
   * broker deleted by retention (or anyone by deleteRecords). Repartition topics are left out:
   * Streams itself deletes what it has committed there.
   */
  static List<String> deletedRecords(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<TopicPartition> partitions = new ArrayList<>();
      admin
          .describeTopics(admin.listTopics().names().get())
          .allTopicNames()
          .get()
          .forEach(
              (name, topic) ->
                  topic
                      .partitions()
                      .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
      Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(admin, partitions, true);
      Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(admin, partitions, false);
      return partitions.stream()
          .filter(tp -> !tp.topic().endsWith("-repartition"))
          .filter(tp -> starts.get(tp).offset() > 0)
          .map(tp -> tp + " " + starts.get(tp).offset() + "/" + ends.get(tp).offset())
          .sorted()
          .toList();
    }
  }

  private static Map<TopicPartition, ListOffsetsResultInfo> offsets(
      Admin admin, List<TopicPartition> partitions, boolean earliest) throws Exception {
    Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
    partitions.forEach(tp -> spec.put(tp, earliest ? OffsetSpec.earliest() : OffsetSpec.latest()));
    return admin.listOffsets(spec).all().get();
  }

  /** The settings of one instance: its own state directory, no HTTP port, 4 partitions. */
  static StreamsAppConfig config(String bootstrap, Path stateDir) {
    return StreamsAppConfig.from(
        Settings.load(null, Map.of(), flags(bootstrap, stateDir)), Map.of());
  }

  static Map<String, String> flags(String bootstrap, Path stateDir) {
    return Map.of(
        "kafka.bootstrapServers",
        bootstrap,
        "streams.stateDir",
        stateDir.toString(),
        "streams.applicationId",
        APPLICATION_ID,
        "streams.http.port",
        "0",
        "streams.http.address",
        "127.0.0.1",
        "streams.zone",
        "UTC",
        "streams.partitions",
        Integer.toString(PARTITIONS));
  }

  /**
   * The newest committed aggregate of every (client IP, window size, window start), keyed {@code
   * ip|PT1M|2026-11-03T22:30:00Z}: the value a reader of the topic ends up with.
   */
  static Map<String, RelayDenialAggregate> latest(TopicContents relayDenials) {
    Map<String, RelayDenialAggregate> latest = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r : relayDenials.read()) {
      RelayDenialAggregate a =
          Topics.RELAY_DENIALS
              .valueSerde()
              .deserializer()
              .deserialize(Topics.RELAY_DENIALS.name(), r.value());
      latest.put(a.clientIp() + "|" + a.windowSize() + "|" + a.windowStart(), a);
    }
    return latest;
  }

  /** Denials counted in the newest aggregates of one window size. */
  static long counted(Map<String, RelayDenialAggregate> latest, String windowSize) {
    return latest.values().stream()
        .filter(a -> a.windowSize().equals(windowSize))
        .mapToLong(RelayDenialAggregate::count)
        .sum();
  }

  /** Whether both window sizes have counted every denial of the log. */
  static boolean complete(Map<String, RelayDenialAggregate> latest, int denials) {
    return counted(latest, "PT1M") == denials && counted(latest, "PT1H") == denials;
  }

  /** The group's committed offset and the end offset of each input partition, for a failure. */
  static String progress(String bootstrap) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest =
          new TreeMap<>(Comparator.comparing(Object::toString));
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      StringBuilder out = new StringBuilder();
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach(
              (tp, end) ->
                  out.append(tp)
                      .append(' ')
                      .append(committed.get(tp).offset())
                      .append('/')
                      .append(end.offset())
                      .append('\n'));
      return out.toString();
    } catch (Exception e) {
      return "offsets unavailable: " + e;
    }
  }

  /** Waits until both window sizes count every denial, then returns the aggregates. */
  static Map<String, RelayDenialAggregate> awaitComplete(
      TopicContents relayDenials, int denials, Duration atMost) {
    BooleanSupplier done = () -> complete(latest(relayDenials), denials);
    try {
      await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(done::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      Map<String, RelayDenialAggregate> latest = latest(relayDenials);
      throw new AssertionError(
          "after "
              + atMost
              + " the aggregates count "
              + counted(latest, "PT1M")
              + " (1m) and "
              + counted(latest, "PT1H")
              + " (1h) of "
              + denials
              + " denials",
          e);
    }
    return latest(relayDenials);
  }
}
