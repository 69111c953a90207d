package io.relaywatch.alerts.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.alerts.engine.rules.Rule;
import io.relaywatch.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The ordered verdict rules ({@code verdicts.yaml}): which verdicts are decided, in which order,
 * with which severity and thresholds. The Java class of each rule decides how; the catalogue
 * decides the numbers. Rules and their defaults are documented in docs/alerts.md.
 */
public final class RuleCatalogue {
  /** The built-in catalogue, next to this class on the class path. */
  public static final String RESOURCE = "verdicts.yaml";

  private static volatile RuleCatalogue builtIn;

  private final List<RuleSpec> rules;
  private final JsonNode exampleConfig;

  RuleCatalogue(List<RuleSpec> rules, JsonNode exampleConfig) {
    this.rules = List.copyOf(rules);
    this.exampleConfig = exampleConfig;
  }

  /** The catalogue shipped with relaywatch. */
  public static RuleCatalogue builtIn() {
    RuleCatalogue catalogue = builtIn;
    if (catalogue == null) {
      try (InputStream in = RuleCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        catalogue = read(RESOURCE, in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      builtIn = catalogue;
    }
    return catalogue;
  }

  /**
   * Reads a catalogue.
   *
   * @param source the name errors are reported under, e.g. the file name
   * @throws ConfigException naming the rule and key of the first error
   */
  public static RuleCatalogue read(String source, InputStream yaml) {
    JsonNode root;
    try {
      root = YamlTree.read(yaml);
    } catch (IOException e) {
      String message =
          e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
      throw new ConfigException("rules", source + ": not valid YAML: " + message);
    }
    return new CatalogueReader(source).read(root);
  }

  /** The rules, in the order they are tried. */
  public List<RuleSpec> rules() {
    return rules;
  }

  /**
   * The same catalogue with every count threshold of every rule replaced by {@code n}: {@code
   * relaywatch diagnose} reports every verdict it has evidence for. Shares and the rules'
   * structural conditions (internal or external client, local domain, no AUTH) stay.
   */
  public RuleCatalogue withMinCount(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("min count must be at least 1, was " + n);
    }
    return new RuleCatalogue(rules.stream().map(r -> r.withMinCount(n)).toList(), exampleConfig);
  }

  /** The configuration examples run under, as written (null when the catalogue has none). */
  public JsonNode exampleConfig() {
    return exampleConfig;
  }

  List<Rule> createRules() {
    return rules.stream().map(RuleSpec::create).toList();
  }
}
