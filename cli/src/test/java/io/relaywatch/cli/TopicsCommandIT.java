package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import io.relaywatch.kafka.testing.KafkaFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code relaywatch topics} against a real broker: the catalogue's topics, with their cleanup. */
class TopicsCommandIT {
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(new StringWriter()))
        .execute(args);
  }

  @Test
  void shouldCreateEveryCatalogueTopicWithItsCleanupPolicyAndBeIdempotent() throws Exception {
    String bootstrap = KafkaFixture.bootstrapServers();

    assertThat(run("topics", "--bootstrap-servers", bootstrap)).isEqualTo(0);
    out.getBuffer().setLength(0);
    assertThat(run("topics", "--bootstrap-servers", bootstrap)).isEqualTo(0);

    List<String> expected = Topics.ALL.stream().map(t -> t.name() + "\texists").toList();
    assertThat(out.toString().lines()).containsExactlyElementsOf(expected);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      for (Topic<?, ?> topic : Topics.ALL) {
        assertThat(cleanupPolicy(admin, topic.name()))
            .as(topic.name())
            .isEqualTo(topic.cleanupPolicy());
      }
    }
  }

  private static String cleanupPolicy(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config =
        admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
  }
}
