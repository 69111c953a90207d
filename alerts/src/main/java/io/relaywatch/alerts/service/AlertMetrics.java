package io.relaywatch.alerts.service;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.relaywatch.events.Alert;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The alert service's metrics, in one place. Labels are bounded: verdicts, severities, topics. */
public final class AlertMetrics {
  private final Gauge firing;
  private final Counter evaluations;
  private final Counter evaluatorErrors;
  private final Gauge lag;
  private final Gauge heldBack;
  private final Counter records;
  private final Counter rejected;
  private final Gauge subjects;
  private final Counter evictions;
  private final Counter stateWriteErrors;

  public AlertMetrics(CollectorRegistry registry) {
    firing =
        Gauge.build("relaywatch_alerts_firing", "Alerts firing now.")
            .labelNames("verdict", "severity")
            .register(registry);
    evaluations =
        Counter.build("relaywatch_alerts_evaluations_total", "Evaluations of all evidence.")
            .register(registry);
    evaluatorErrors =
        Counter.build(
                "relaywatch_alerts_evaluator_errors_total",
                "Subjects whose evidence the verdict engine failed on.")
            .register(registry);
    lag =
        Gauge.build(
                "relaywatch_alerts_evaluation_lag_seconds",
                "Time of the last evaluation minus the newest event time consumed.")
            .register(registry);
    heldBack =
        Gauge.build(
                "relaywatch_alerts_evidence_delay_seconds",
                "How far the evaluation window's end is held behind the wall clock because the"
                    + " pipeline delivers evidence late (0 once it has caught up).")
            .register(registry);
    records =
        Counter.build("relaywatch_alerts_records_total", "Input records consumed, by topic.")
            .labelNames("topic")
            .register(registry);
    rejected =
        Counter.build(
                "relaywatch_alerts_records_rejected_total",
                "Input records that could not be decoded, by topic.")
            .labelNames("topic")
            .register(registry);
    subjects =
        Gauge.build("relaywatch_alerts_ledger_subjects", "Client IPs and mail hosts tracked.")
            .register(registry);
    evictions =
        Counter.build(
                "relaywatch_alerts_ledger_evictions_total",
                "Subjects dropped because alerts.maxSubjects was reached.")
            .register(registry);
    stateWriteErrors =
        Counter.build(
                "relaywatch_alerts_state_write_errors_total",
                "Alert states that could not be written to relaywatch.alerts.")
            .register(registry);
  }

  /** Sets every verdict and severity pair, zero included, so no series flickers away. */
  public void firing(Collection<Alert> alerts) {
    Map<Verdict, Map<Severity, Integer>> counts = new EnumMap<>(Verdict.class);
    for (Alert a : alerts) {
      counts
          .computeIfAbsent(a.finding().verdict(), v -> new EnumMap<>(Severity.class))
          .merge(a.finding().severity(), 1, Integer::sum);
    }
    for (Verdict v : Verdict.values()) {
      for (Severity s : Severity.values()) {
        int n = counts.getOrDefault(v, Map.of()).getOrDefault(s, 0);
        firing.labels(v.wireName(), s.wireName()).set(n);
      }
    }
  }

  public void evaluated(int ledgerSubjects, Duration lagBehindEvents, Duration evidenceDelay) {
    evaluations.inc();
    subjects.set(ledgerSubjects);
    if (lagBehindEvents != null) {
      lag.set(lagBehindEvents.toMillis() / 1000.0);
    }
    heldBack.set(evidenceDelay.toMillis() / 1000.0);
  }

  public void evaluatorFailed() {
    evaluatorErrors.inc();
  }

  public void record(String topic) {
    records.labels(topic).inc();
  }

  public void rejected(String topic) {
    rejected.labels(topic).inc();
  }

  public void evicted() {
    evictions.inc();
  }

  public void stateWriteFailed() {
    stateWriteErrors.inc();
  }
}
