package io.relaywatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group's committed offsets are behind the end of a topic. */
final class GroupProgress implements AutoCloseable {
  private static final long POLL_MILLIS = 100;

  private final Admin admin;
  private final String group;

  GroupProgress(String bootstrap, String group) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    this.group = group;
  }

  /**
   * Waits until every partition of {@code topic} is at most {@code slack} behind its end offset,
   * and returns {@link System#nanoTime()} then. A transactional writer leaves a commit marker as a
   * partition's last offset, which no consumer commits past: a slack of 1 allows for it.
   */
  long awaitCaughtUp(String topic, long slack, Duration deadline, BooleanSupplier failed)
      throws Exception {
    long giveUp = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < giveUp) {
      if (failed.getAsBoolean()) {
        throw new IllegalStateException("the Streams application failed; see its log");
      }
      if (caughtUp(topic, slack)) {
        return System.nanoTime();
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(group + " did not catch up on " + topic + " in " + deadline);
  }

  /**
   * Waits until every topic the group reads is at most {@code slack} behind its end: the input,
   * every repartition topic of the application, and any topic it has committed offsets for (a topic
   * it writes and reads back).
   */
  long awaitAllCaughtUp(long slack, Duration deadline, BooleanSupplier failed) throws Exception {
    long giveUp = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < giveUp) {
      if (failed.getAsBoolean()) {
        throw new IllegalStateException("the Streams application failed; see its log");
      }
      if (allCaughtUp(slack)) {
        return System.nanoTime();
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(group + " did not catch up on every input in " + deadline);
  }

  /** Fails when the broker has deleted records of {@code topic} (its log start offset moved). */
  void requireNothingDeleted(String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
    partitions(List.of(topic)).forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
    for (var start : admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).entrySet()) {
      if (start.getValue().offset() > 0) {
        throw new IllegalStateException(
            start.getKey() + ": the broker deleted " + start.getValue().offset() + " records");
      }
    }
  }

  /**
   * Every topic's end offsets summed over its partitions, largest first: how many records (and
   * transaction markers) the run wrote where, to weigh the broker's share of the work.
   */
  String endOffsetsByTopic() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    partitions(admin.listTopics().names().get(10, TimeUnit.SECONDS))
        .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<String, Long> ends = new java.util.TreeMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(10, TimeUnit.SECONDS)
        .forEach((tp, end) -> ends.merge(tp.topic(), end.offset(), Long::sum));
    StringBuilder out = new StringBuilder();
    ends.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format("  %,12d %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }

  private boolean allCaughtUp(long slack) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = committed();
    Set<String> topics = new HashSet<>();
    committed.keySet().forEach(tp -> topics.add(tp.topic()));
    for (String name : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
      if (name.startsWith(group + "-") && name.endsWith("-repartition")) {
        topics.add(name);
      }
    }
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    partitions(topics).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    return behindAtMost(
        committed, admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS), slack);
  }

  private static boolean behindAtMost(
      Map<TopicPartition, OffsetAndMetadata> committed,
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends,
      long slack) {
    for (var end : ends.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      long position = at == null ? 0 : at.offset();
      if (end.getValue().offset() - position > slack) {
        return false;
      }
    }
    return true;
  }

  private Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(10, TimeUnit.SECONDS);
  }

  private List<TopicPartition> partitions(Collection<String> topics) throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get(10, TimeUnit.SECONDS)
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
    return partitions;
  }

  private boolean caughtUp(String topic, long slack) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    admin
        .describeTopics(java.util.List.of(topic))
        .allTopicNames()
        .get(10, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
    for (var end : ends.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      long position = at == null ? 0 : at.offset();
      if (end.getValue().offset() - position > slack) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    admin.close();
  }
}
