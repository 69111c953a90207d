package io.relaywatch.alerts.service;

import static io.relaywatch.alerts.evidence.TestRecords.time;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;

/** Findings as an engine would produce them, for lifecycle tests that need no engine. */
final class Findings {
  private Findings() {}

  static Finding probe(String clientIp, Severity severity) {
    return new Finding(
        Verdict.OPEN_RELAY_PROBE,
        severity,
        clientIp,
        clientIp,
        "an outside client probes whether this server relays",
        3,
        time(0),
        time(0),
        List.of(),
        List.of(),
        new Fix("block the client", null, null, null, null));
  }

  static Finding probe(String clientIp) {
    return probe(clientIp, Severity.CRITICAL);
  }

  static Finding backendDown(String host) {
    return new Finding(
        Verdict.SASL_BACKEND_UNAVAILABLE,
        Severity.CRITICAL,
        host,
        null,
        "the SASL backend is unreachable",
        1,
        time(0),
        time(0),
        List.of(),
        List.of(),
        new Fix("start dovecot", null, null, null, null));
  }
}
