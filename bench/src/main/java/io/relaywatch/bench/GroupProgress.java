package io.relaywatch.bench;

import java.time.Duration;
import java.util.Map;
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
