package io.relaywatch.alerts.engine;

import io.relaywatch.alerts.engine.rules.Rule;
import io.relaywatch.alerts.engine.rules.RuleType;
import io.relaywatch.alerts.engine.rules.Thresholds;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;

/**
 * One rule of the catalogue as written: its verdict, severity, description, thresholds and example
 * inputs.
 */
public record RuleSpec(
    Verdict verdict,
    Severity severity,
    String description,
    Thresholds thresholds,
    List<CatalogueExample> examples) {
  public RuleSpec {
    examples = List.copyOf(examples);
  }

  /** The same rule with every count threshold replaced by {@code n}. */
  public RuleSpec withMinCount(long n) {
    Thresholds counts = thresholds.withCounts(n, RuleType.of(verdict).thresholds());
    return new RuleSpec(verdict, severity, description, counts, examples);
  }

  Rule create() {
    return RuleType.of(verdict).create(severity, thresholds);
  }
}
