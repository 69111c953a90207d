package io.relaywatch.alerts.engine;

import io.relaywatch.events.Finding;
import java.util.List;

/**
 * Turns evidence about a subject into findings: which known root cause explains it and the fix for
 * it. Rules and their thresholds come from the ordered catalogue {@code verdicts.yaml}.
 *
 * <p>SKELETON: the rules are being written (issue 5); until then no evidence yields a finding.
 */
public final class VerdictEngine {
  private final VerdictConfig config;

  private VerdictEngine(VerdictConfig config) {
    this.config = config;
  }

  /** An engine with the built-in catalogue and its thresholds. */
  public static VerdictEngine create(VerdictConfig config) {
    return new VerdictEngine(config);
  }

  /** The findings the evidence supports, most severe first; empty when it explains nothing. */
  public List<Finding> evaluate(Evidence evidence) {
    return List.of();
  }

  public VerdictConfig config() {
    return config;
  }
}
