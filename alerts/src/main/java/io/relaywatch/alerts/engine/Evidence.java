package io.relaywatch.alerts.engine;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What is known about one subject over the evaluation window: the input of the {@link
 * VerdictEngine}. Built from the Streams topics by the alert service and from a log file by {@code
 * relaywatch diagnose}, so both reach the same verdicts.
 */
public sealed interface Evidence permits ClientEvidence, HostEvidence, DomainEvidence {
  /** The client IP, mail host or recipient domain the evidence is about. */
  String subject();

  /** The earliest event behind the evidence, as logged. */
  OffsetDateTime firstSeen();

  /** The latest event behind the evidence, as logged. */
  OffsetDateTime lastSeen();

  /** Raw log lines to show, at most {@link io.relaywatch.events.Finding#MAX_EVIDENCE}. */
  List<String> sampleLines();
}
