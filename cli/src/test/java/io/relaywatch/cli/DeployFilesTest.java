package io.relaywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import io.relaywatch.events.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The compose file and the Kubernetes manifests against the code: topics come from the catalogue
 * (through {@code relaywatch topics}), and every command they run exists.
 */
class DeployFilesTest {
  private static final Path ROOT = Path.of("..");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A topic-like name, not followed by a further dot-part (relaywatch.rules.yml is a file). */
  private static final Pattern TOPIC_NAME =
      Pattern.compile("relaywatch\\.[a-z][a-z-]+[a-z](?![.\\w-])");

  private static final Set<String> FILE_NAMES = Set.of("relaywatch.yml", "relaywatch.json");

  private static List<JsonNode> k8sDocuments() throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (var parser = YAML.getFactory().createParser(f.toFile())) {
          YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
      }
    }
    return docs;
  }

  private static List<List<String>> composeCommands() throws IOException {
    JsonNode services = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).get("services");
    List<List<String>> commands = new ArrayList<>();
    for (JsonNode service : services) {
      // Jackson reads the YAML merge key as a plain field, so the shared image may sit under it.
      String image = service.path("image").asText(service.path("<<").path("image").asText());
      if (image.startsWith("relaywatch:")) {
        commands.add(strings(service.get("command")));
      }
    }
    return commands;
  }

  private static List<List<String>> k8sCommands() throws IOException {
    List<List<String>> commands = new ArrayList<>();
    for (JsonNode doc : k8sDocuments()) {
      for (JsonNode container : doc.findValues("containers")) {
        container.forEach(c -> commands.add(strings(c.get("args"))));
      }
    }
    return commands;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  @Test
  void shouldCreateTopicsInComposeAndKubernetesOnlyThroughTheCatalogueCommand() throws IOException {
    assertThat(composeCommands()).filteredOn(c -> c.contains("topics")).hasSize(1);
    assertThat(k8sCommands()).filteredOn(c -> c.contains("topics")).hasSize(1);
    assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).doesNotContain("kafka-topics");
  }

  @Test
  void shouldNameNoTopicOutsideTheCatalogueInAnyDeployFile() throws IOException {
    Set<String> catalogue = new TreeSet<>();
    Topics.ALL.stream().map(Topic::name).forEach(catalogue::add);
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("deploy"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        named.addAll(topicNames(Files.readString(f)));
      }
    }
    named.addAll(topicNames(Files.readString(ROOT.resolve("docker-compose.yml"))));

    assertThat(catalogue).containsAll(named);
  }

  private static Set<String> topicNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = TOPIC_NAME.matcher(text);
    while (m.find()) {
      if (!FILE_NAMES.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  @Test
  void shouldHaveARunbookForEveryPrometheusAlertAndEveryVerdict() throws IOException {
    JsonNode rules = YAML.readTree(ROOT.resolve("deploy/prometheus/relaywatch.rules.yml").toFile());
    List<String> names = new ArrayList<>(rules.findValuesAsText("alert"));
    for (Verdict v : Verdict.values()) {
      names.add(v.wireName());
    }

    assertThat(names)
        .isNotEmpty()
        .allSatisfy(n -> assertThat(ROOT.resolve("docs/runbooks/" + n + ".md")).isRegularFile());
    assertThat(rules.findValuesAsText("runbook_url"))
        .allSatisfy(
            u ->
                assertThat(ROOT.resolve("docs/runbooks/" + u.substring(u.lastIndexOf('/') + 1)))
                    .isRegularFile());
  }

  @Test
  void shouldRunOnlyCommandsTheCliHas() throws IOException {
    Set<String> commands = new CommandLine(new Main()).getSubcommands().keySet();
    List<List<String>> all = new ArrayList<>(composeCommands());
    all.addAll(k8sCommands());

    assertThat(all)
        .filteredOn(c -> !c.isEmpty())
        .allSatisfy(c -> assertThat(commands).contains(c.get(0)));
  }
}
