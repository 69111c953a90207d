package io.relaywatch.alerts.service;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.evidence.EvidenceLedger;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation: the ledger's evidence at a time, through the evaluator, into the lifecycle. No
 * I/O, so timeline tests run it with a fake clock exactly as the service does.
 */
public final class EvaluationCycle {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationCycle.class);

  private final EvidenceLedger ledger;
  private final Evaluator evaluator;
  private final AlertLifecycle lifecycle;
  private final Runnable onEvaluatorError;

  /**
   * @param onEvaluatorError called when the evaluator throws on one subject's evidence; the other
   *     subjects are still evaluated
   */
  public EvaluationCycle(
      EvidenceLedger ledger,
      Evaluator evaluator,
      AlertLifecycle lifecycle,
      Runnable onEvaluatorError) {
    this.ledger = ledger;
    this.evaluator = evaluator;
    this.lifecycle = lifecycle;
    this.onEvaluatorError = onEvaluatorError;
  }

  /** Evaluates all evidence in the window ending at {@code now}; returns the states to send. */
  public List<Alert> run(Instant now) {
    return run(now, now);
  }

  /**
   * Evaluates the evidence in the window ending at {@code evidenceAt} (held back while the pipeline
   * lags, see {@code EvidenceClock}); alert times stay on the wall clock, {@code now}.
   */
  public List<Alert> run(Instant evidenceAt, Instant now) {
    List<Finding> findings = new ArrayList<>();
    for (Evidence evidence : ledger.evidence(evidenceAt)) {
      try {
        findings.addAll(evaluator.evaluate(evidence));
      } catch (RuntimeException e) {
        // An engine bug on one subject must not silence the alerts of all the others. The
        // subject is not named: it may be attacker-chosen text.
        LOG.error("the verdict engine failed on the evidence of one subject", e);
        onEvaluatorError.run();
      }
    }
    return lifecycle.evaluate(findings, now);
  }

  public EvidenceLedger ledger() {
    return ledger;
  }

  public AlertLifecycle lifecycle() {
    return lifecycle;
  }
}
