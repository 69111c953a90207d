package io.relaywatch.alerts.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.alerts.engine.rules.RuleType;
import io.relaywatch.alerts.engine.rules.Thresholds;
import io.relaywatch.alerts.engine.rules.Thresholds.Kind;
import io.relaywatch.config.ConfigException;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the catalogue tree. Every error names the source, the rule (by position and
 * verdict) and the key, and says what was expected.
 */
final class CatalogueReader {
  private static final Set<String> TOP_KEYS = Set.of("rules", "exampleConfig");
  private static final Set<String> RULE_KEYS =
      Set.of("verdict", "severity", "description", "thresholds", "examples");
  private static final Set<String> EXAMPLE_KEYS =
      Set.of("name", "client", "host", "domain", "config", "expect", "fixContains", "fixExcludes");
  private static final List<String> KINDS = List.of("client", "host", "domain");

  private final String source;

  CatalogueReader(String source) {
    this.source = source;
  }

  RuleCatalogue read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw error("rules", "expected a mapping with the key 'rules'");
    }
    unknownKeys(root, TOP_KEYS, "", "");
    JsonNode rules = root.get("rules");
    if (rules == null || !rules.isArray() || rules.isEmpty()) {
      throw error("rules", "rules: expected a non-empty list of rules");
    }
    List<RuleSpec> specs = new ArrayList<>();
    Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
    for (int i = 0; i < rules.size(); i++) {
      RuleSpec spec = rule(rules.get(i), i + 1);
      if (!seen.add(spec.verdict())) {
        throw error(
            spec.verdict().wireName() + ".verdict",
            "rule " + (i + 1) + " (" + spec.verdict().wireName() + "): verdict appears twice");
      }
      specs.add(spec);
    }
    return new RuleCatalogue(specs, root.get("exampleConfig"));
  }

  private RuleSpec rule(JsonNode node, int position) {
    String where = "rule " + position;
    if (!node.isObject()) {
      throw error(where, where + ": expected a mapping");
    }
    Verdict verdict = verdict(node, where);
    String name = verdict.wireName();
    String label = where + " (" + name + ")";
    unknownKeys(node, RULE_KEYS, label, name + ".");
    Severity severity = severity(node, label, name);
    JsonNode description = node.get("description");
    if (description == null || !description.isTextual() || description.asText().isBlank()) {
      throw error(name + ".description", label + ": description: expected one line of text");
    }
    RuleType type =
        RuleType.find(verdict)
            .orElseThrow(
                () ->
                    error(
                        name,
                        label
                            + ": "
                            + name
                            + " comes from relaywatch audit (configuration checks), not from"
                            + " evidence; expected a verdict the engine decides"));
    Thresholds thresholds = thresholds(node.get("thresholds"), type, label, name);
    List<CatalogueExample> examples = examples(node.get("examples"), label, name);
    return new RuleSpec(verdict, severity, description.asText(), thresholds, examples);
  }

  private Verdict verdict(JsonNode node, String label) {
    JsonNode value = node.get("verdict");
    if (value == null || !value.isTextual()) {
      throw error(label + ".verdict", label + ": verdict: expected a verdict id");
    }
    try {
      return Verdict.fromWireName(value.asText());
    } catch (IllegalArgumentException e) {
      throw error(label + ".verdict", label + ": verdict: " + e.getMessage());
    }
  }

  private Severity severity(JsonNode node, String label, String name) {
    JsonNode value = node.get("severity");
    try {
      if (value == null || !value.isTextual()) {
        throw new IllegalArgumentException("expected info, warning or critical");
      }
      return Severity.fromWireName(value.asText());
    } catch (IllegalArgumentException e) {
      throw error(name + ".severity", label + ": severity: " + e.getMessage());
    }
  }

  private Thresholds thresholds(JsonNode node, RuleType type, String label, String name) {
    Map<String, Kind> declared = type.thresholds();
    if (node == null || !node.isObject()) {
      throw error(
          name + ".thresholds",
          label + ": thresholds: expected a mapping with " + String.join(", ", declared.keySet()));
    }
    unknownKeys(node, declared.keySet(), label, name + ".thresholds.");
    Map<String, Number> values = new LinkedHashMap<>();
    for (Map.Entry<String, Kind> entry : declared.entrySet()) {
      String key = entry.getKey();
      JsonNode value = node.get(key);
      if (value == null) {
        throw error(
            name + ".thresholds." + key,
            label + ": thresholds." + key + ": missing; it is required");
      }
      values.put(key, threshold(value, entry.getValue(), label, name + ".thresholds." + key));
    }
    return Thresholds.of(values);
  }

  private Number threshold(JsonNode value, Kind kind, String label, String key) {
    String shortKey = key.substring(key.indexOf('.') + 1);
    if (kind == Kind.COUNT) {
      if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
        throw error(
            key,
            label
                + ": "
                + shortKey
                + ": '"
                + value
                + "' is not valid; expected a whole number of at least 1");
      }
      return value.asLong();
    }
    if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > 1) {
      throw error(
          key,
          label
              + ": "
              + shortKey
              + ": '"
              + value
              + "' is not valid; expected a fraction greater than 0 and at most 1");
    }
    return value.asDouble();
  }

  private List<CatalogueExample> examples(JsonNode node, String label, String name) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw error(name + ".examples", label + ": examples: expected a list");
    }
    List<CatalogueExample> examples = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      examples.add(example(node.get(i), label + ": example " + (i + 1), name + ".examples"));
    }
    return examples;
  }

  private CatalogueExample example(JsonNode node, String label, String key) {
    if (!node.isObject()) {
      throw error(key, label + ": expected a mapping");
    }
    unknownKeys(node, EXAMPLE_KEYS, label, key + ".");
    List<String> kinds = KINDS.stream().filter(node::has).toList();
    if (kinds.size() != 1 || !node.get(kinds.get(0)).isObject()) {
      throw error(key, label + ": expected exactly one of client, host or domain, as a mapping");
    }
    return new CatalogueExample(
        node.path("name").asText(label),
        kinds.get(0),
        node.get(kinds.get(0)),
        node.get("config"),
        expect(node.get("expect"), label, key),
        texts(node.get("fixContains"), label, key + ".fixContains"),
        texts(node.get("fixExcludes"), label, key + ".fixExcludes"));
  }

  private Optional<Verdict> expect(JsonNode value, String label, String key) {
    if (value == null || !value.isTextual()) {
      throw error(key + ".expect", label + ": expect: expected a verdict id or none");
    }
    if (value.asText().equals("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Verdict.fromWireName(value.asText()));
    } catch (IllegalArgumentException e) {
      throw error(key + ".expect", label + ": expect: " + e.getMessage() + ", or none");
    }
  }

  private List<String> texts(JsonNode node, String label, String key) {
    if (node == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode text : node) {
      if (!node.isArray() || !text.isTextual()) {
        throw error(key, label + ": " + key + ": expected a list of texts");
      }
      texts.add(text.asText());
    }
    return texts;
  }

  private void unknownKeys(JsonNode node, Set<String> known, String label, String keyPrefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!known.contains(key)) {
        String where = label.isEmpty() ? "" : label + ": ";
        throw error(
            keyPrefix + key,
            where
                + "unknown key '"
                + keyPrefix.substring(keyPrefix.indexOf('.') + 1)
                + key
                + "'; expected one of "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private ConfigException error(String key, String message) {
    return new ConfigException(key, source + ": " + message);
  }
}
