package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Verdict;
import java.util.Optional;

/**
 * One root cause: decides whether evidence shows it and, if so, builds the finding with its fix. An
 * implementation reads its thresholds once, when the catalogue creates it, and is stateless.
 */
public interface Rule {
  /** The verdict this rule gives; its subject kind says which evidence the rule looks at. */
  Verdict verdict();

  /** The finding, or empty when the evidence does not show this cause (or is of another kind). */
  Optional<Finding> evaluate(Evidence evidence, VerdictConfig config);
}
