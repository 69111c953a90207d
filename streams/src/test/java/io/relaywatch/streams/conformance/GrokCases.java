package io.relaywatch.streams.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads whyscream/postfix-grok-patterns test cases ({@code pattern}, {@code data}, {@code
 * results}). Their {@code data} is the message only, without a syslog header.
 */
final class GrokCases {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** One case: the file, the daemon it was written for, the message and the expected captures. */
  record Case(String file, String daemon, String data, Map<String, String> results) {}

  private GrokCases() {}

  /** Every {@code smtpd_*.yaml} and {@code postscreen_*.yaml} case, sorted by file name. */
  static List<Case> readSmtpdAndPostscreen(Path corpus) throws IOException {
    Path dir = corpus.resolve("postfix-grok-patterns");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().matches("(smtpd|postscreen)_\\d+\\.yaml"))
              .sorted()
              .toList();
    }
    List<Case> cases = new java.util.ArrayList<>();
    for (Path file : files) {
      JsonNode node = YAML.readTree(file.toFile());
      String name = file.getFileName().toString();
      Map<String, String> results = new LinkedHashMap<>();
      node.path("results")
          .fields()
          .forEachRemaining(e -> results.put(e.getKey(), e.getValue().asText()));
      cases.add(
          new Case(
              "postfix-grok-patterns/" + name,
              name.substring(0, name.indexOf('_')),
              node.path("data").asText(),
              results));
    }
    return cases;
  }
}
