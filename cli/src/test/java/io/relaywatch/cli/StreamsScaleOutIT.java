package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.Topics;
import io.relaywatch.kafka.testing.ChildProcessKafka;
import io.relaywatch.kafka.testing.TopicContents;
import io.relaywatch.streams.app.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the application on a 4-partition input end with the same relay-denial aggregates
 * as one instance. The topology's topic names are fixed by the catalogue, so each run gets a broker
 * of its own (a child JVM), not the shared fixture.
 */
class StreamsScaleOutIT {
  private static final List<String> HOSTS =
      List.of("mx1", "mx2", "mx3", "mx4", "mx5", "mx6", "mx7", "mx8");
  private static final Duration RUN_DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void shouldEndWithTheSameAggregatesOnTwoInstancesAsOnOne() throws Exception {
    assertThat(HOSTS.stream().map(StreamsScaleOutIT::partitionOf).collect(Collectors.toSet()))
        .as("the mail hosts cover every input partition")
        .hasSize(AggregateRuns.PARTITIONS);
    RelayDenialLog log = RelayDenialLog.generate(20261128L, HOSTS, 3_000);

    Map<String, RelayDenialAggregate> one = run(log, 1);
    Map<String, RelayDenialAggregate> two = run(log, 2);

    assertThat(one).hasSizeGreaterThan(HOSTS.size() * 40);
    assertThat(two).isEqualTo(one);
  }

  /**
   * Well under the group's 45 s session timeout: an instance that stayed in the group when stopped
   * would keep its partitions that long.
   */
  private static final Duration HAND_OVER_DEADLINE = Duration.ofSeconds(20);

  @Test
  void shouldHandAStoppedInstancesPartitionsToTheOtherAtOnce() throws Exception {
    Path runDir = dir.resolve("hand-over");
    try (ChildProcessKafka broker = new ChildProcessKafka(runDir.resolve("kafka")).start();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      String bootstrap = broker.bootstrapServers();
      try (StreamsApp staying =
          StreamsApp.start(AggregateRuns.config(bootstrap, runDir.resolve("state-0")))) {
        try (StreamsApp leaving =
            StreamsApp.start(AggregateRuns.config(bootstrap, runDir.resolve("state-1")))) {
          awaitEveryMemberHasWork(bootstrap, 2);
        }

        await()
            .atMost(HAND_OVER_DEADLINE)
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(
                () ->
                    assertThat(rawLinePartitionsPerMember(admin)).containsExactly(allPartitions()));
        await()
            .atMost(HAND_OVER_DEADLINE)
            .until(() -> staying.state() == KafkaStreams.State.RUNNING);
      }
    }
  }

  private Map<String, RelayDenialAggregate> run(RelayDenialLog log, int instances)
      throws Exception {
    Path runDir = dir.resolve("run-" + instances);
    List<StreamsApp> apps = new ArrayList<>();
    try (ChildProcessKafka broker = new ChildProcessKafka(runDir.resolve("kafka")).start()) {
      String bootstrap = broker.bootstrapServers();
      try (TopicContents relayDenials = new TopicContents(bootstrap, Topics.RELAY_DENIALS.name())) {
        for (int i = 0; i < instances; i++) {
          StreamsApp app =
              StreamsApp.start(AggregateRuns.config(bootstrap, runDir.resolve("state-" + i)));
          apps.add(app);
          await().atMost(RUN_DEADLINE).until(() -> app.state() == KafkaStreams.State.RUNNING);
        }
        awaitEveryMemberHasWork(bootstrap, instances);
        AggregateRuns.ship(bootstrap, log, log.lines());
        return AggregateRuns.awaitComplete(relayDenials, log.denials(), RUN_DEADLINE);
      } finally {
        apps.forEach(StreamsApp::close);
      }
    }
  }

  /** All instances in the consumer group, each with input partitions of its own. */
  private static void awaitEveryMemberHasWork(String bootstrap, int instances) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      await()
          .atMost(RUN_DEADLINE)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> rawLinePartitionsPerMember(admin).size() == instances);
    }
  }

  private static List<Set<Integer>> rawLinePartitionsPerMember(Admin admin) throws Exception {
    ConsumerGroupDescription group =
        admin
            .describeConsumerGroups(List.of(AggregateRuns.APPLICATION_ID))
            .describedGroups()
            .get(AggregateRuns.APPLICATION_ID)
            .get();
    List<Set<Integer>> perMember = new ArrayList<>();
    for (MemberDescription member : group.members()) {
      Set<Integer> partitions =
          member.assignment().topicPartitions().stream()
              .filter(tp -> tp.topic().equals(Topics.RAW_LINES.name()))
              .map(tp -> tp.partition())
              .collect(Collectors.toSet());
      if (!partitions.isEmpty()) {
        perMember.add(partitions);
      }
    }
    return perMember;
  }

  private static Set<Integer> allPartitions() {
    return IntStream.range(0, AggregateRuns.PARTITIONS).boxed().collect(Collectors.toSet());
  }

  /** The default partitioner's choice for a key, as the shipper's producer makes it. */
  private static int partitionOf(String host) {
    byte[] key = host.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % AggregateRuns.PARTITIONS;
  }
}
