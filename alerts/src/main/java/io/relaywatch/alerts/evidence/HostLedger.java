package io.relaywatch.alerts.evidence;

import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.events.Finding;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SASL backend errors of one mail host inside the evaluation window. */
final class HostLedger {
  private final String host;
  private final Buckets<Counts> buckets;
  // Message (log text) to the last time it was seen, first seen first.
  private final Map<String, Instant> messages = new LinkedHashMap<>();
  private Mta mta;

  HostLedger(String host, LedgerLimits limits) {
    this.host = host;
    this.buckets = new Buckets<>(limits.bucket());
  }

  void add(MailEvent e) {
    Instant time = e.timestamp().toInstant();
    Counts c = buckets.at(time, Counts::new);
    c.errors++;
    c.firstSeen = Times.earliest(c.firstSeen, e.timestamp());
    c.lastSeen = Times.latest(c.lastSeen, e.timestamp());
    if (c.samples.size() < Finding.MAX_EVIDENCE) {
      c.samples.add(e.raw());
    }
    if (e.mta() != null) {
      mta = e.mta();
    }
    if (e.message() != null
        && (messages.containsKey(e.message()) || messages.size() < LedgerLimits.MAX_MESSAGES)) {
      messages.merge(e.message(), time, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  void expire(Instant horizon) {
    buckets.expire(horizon);
    messages.values().removeIf(last -> !last.isAfter(horizon));
  }

  boolean isEmpty() {
    return buckets.isEmpty();
  }

  HostEvidence evidence() {
    long errors = 0;
    OffsetDateTime first = null;
    OffsetDateTime last = null;
    List<String> samples = new ArrayList<>();
    for (Counts c : buckets.values()) {
      errors += c.errors;
      first = Times.earliest(first, c.firstSeen);
      last = Times.latest(last, c.lastSeen);
      SessionCounts.addCapped(samples, c.samples, Finding.MAX_EVIDENCE);
    }
    return new HostEvidence(
        host, mta, errors, List.copyOf(messages.keySet()), first, last, samples);
  }

  private static final class Counts {
    long errors;
    OffsetDateTime firstSeen;
    OffsetDateTime lastSeen;
    final List<String> samples = new ArrayList<>(Finding.MAX_EVIDENCE);
  }
}
