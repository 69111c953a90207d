package io.relaywatch.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates missing catalogue topics, for single-host setups and tests; production clusters usually
 * create them ahead (the compose and Kubernetes files do, from the same catalogue).
 */
public final class TopicCreator {
  private TopicCreator() {}

  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  public static void ensure(Admin admin, List<Topic<?, ?>> topics, int partitions, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing =
        admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<NewTopic> missing = new ArrayList<>();
    for (Topic<?, ?> topic : topics) {
      if (!existing.contains(topic.name())) {
        NewTopic t = new NewTopic(topic.name(), topic.compacted() ? 1 : partitions, (short) -1);
        t.configs(configs(topic));
        missing.add(t);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // another process creating them at the same time is fine
      }
    }
  }

  static Map<String, String> configs(Topic<?, ?> topic) {
    if (topic.forgetAfter() == null) {
      return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy());
    }
    return Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy(),
        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.forgetAfter().toMillis()));
  }
}
