package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.events.Finding;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import java.time.OffsetDateTime;

/** The SASL backend errors one mail host logged. */
final class HostTally implements BoundedTable.Tally {
  static final int MAX_MESSAGES = 5;
  static final int MAX_MESSAGE_CHARS = 300;

  private final String host;
  private final FirstValues messages = FirstValues.distinct(MAX_MESSAGES, MAX_MESSAGE_CHARS);
  private final FirstValues lines =
      FirstValues.first(Finding.MAX_EVIDENCE, ClientTally.MAX_LINE_CHARS);
  private Mta mta;
  private long errors;
  private OffsetDateTime firstSeen;
  private OffsetDateTime lastSeen;

  HostTally(String host) {
    this.host = host;
  }

  void add(MailEvent event) {
    errors++;
    if (mta == null) {
      mta = event.mta();
    }
    messages.add(event.message() != null ? event.message() : event.raw());
    lines.add(event.raw());
    OffsetDateTime at = event.timestamp();
    if (firstSeen == null || at.isBefore(firstSeen)) {
      firstSeen = at;
    }
    if (lastSeen == null || at.isAfter(lastSeen)) {
      lastSeen = at;
    }
  }

  HostEvidence toEvidence() {
    return new HostEvidence(
        host, mta, errors, messages.values(), firstSeen, lastSeen, lines.values());
  }

  @Override
  public String subject() {
    return host;
  }

  @Override
  public long weight() {
    return errors;
  }

  @Override
  public long events() {
    return errors;
  }
}
