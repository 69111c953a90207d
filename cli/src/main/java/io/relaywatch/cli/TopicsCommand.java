package io.relaywatch.cli;

import io.relaywatch.config.KafkaEnvironment;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Topic;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code relaywatch topics}: lists the topic catalogue, or creates its missing topics on a cluster.
 * The compose file and the Kubernetes job run this, so that every deployment creates exactly the
 * catalogue's topics and nothing spells a topic name twice.
 */
@Command(
    name = "topics",
    description = {
      "Creates the topics relaywatch uses that do not exist yet (compacted ones compacted), then"
          + " prints each with whether it was created. With --list, prints the catalogue and needs"
          + " no Kafka."
    })
final class TopicsCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file.")
  Path config;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "3",
      description = "Partitions of each new log topic; compacted ones get 1 (${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--list", description = "Print the catalogue (name, cleanup, key, value).")
  boolean list;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (Topic<?, ?> t : Topics.ALL) {
        out.printf("%s\t%s\t%s\t%s%n", t.name(), t.cleanupPolicy(), t.key(), t.value());
      }
      return 0;
    }
    if (partitions < 1) {
      ServiceCommands.error(
          spec, "--partitions: '" + partitions + "' is not valid; expected 1 or more");
      return 2;
    }
    Map<String, Object> props =
        ServiceCommands.configure(
            spec,
            () ->
                KafkaEnvironment.clientProperties(
                    Settings.load(config, System.getenv(), flags()), System.getenv()));
    if (props == null) {
      return 2;
    }
    try (Admin admin = Admin.create(props)) {
      Set<String> before = names(admin);
      TopicCreator.ensure(admin, Topics.ALL, partitions, TIMEOUT);
      for (Topic<?, ?> t : Topics.ALL) {
        out.printf("%s\t%s%n", t.name(), before.contains(t.name()) ? "exists" : "created");
      }
    }
    return 0;
  }

  private static Set<String> names(Admin admin) throws Exception {
    return new TreeSet<>(admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
  }

  private Map<String, String> flags() {
    return bootstrapServers == null ? Map.of() : Map.of("kafka.bootstrapServers", bootstrapServers);
  }
}
