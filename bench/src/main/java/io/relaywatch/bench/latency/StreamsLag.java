package io.relaywatch.bench.latency;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the Streams application's consumer group is behind, in records, over every partition it
 * has committed (raw lines, the repartition topics, the topics it reads back): whether the topology
 * keeps up with the background, and when it has caught up after its start.
 */
final class StreamsLag implements AutoCloseable {
  /** The shipped {@code streams.applicationId}, which is the consumer group. */
  static final String GROUP = "relaywatch-streams";

  private final Admin admin;

  StreamsLag(String bootstrap) {
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /** Records not yet committed as consumed; -1 before the group has committed anything. */
  long records() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(GROUP)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS);
      if (committed.isEmpty()) {
        return -1;
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
      long lag = 0;
      for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
        OffsetAndMetadata position = committed.get(end.getKey());
        lag += Math.max(0, end.getValue().offset() - (position == null ? 0 : position.offset()));
      }
      return lag;
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
