package io.relaywatch.alerts.service;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.events.Finding;
import java.util.List;

/**
 * What the alert service asks of the verdict engine: {@code VerdictEngine.create(config)::evaluate}
 * in production, a fixed rule in tests.
 */
@FunctionalInterface
public interface Evaluator {
  /** The findings the evidence supports; empty when it explains nothing. */
  List<Finding> evaluate(Evidence evidence);
}
