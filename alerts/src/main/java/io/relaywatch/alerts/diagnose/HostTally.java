package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.events.Finding;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;

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
  private final TimeSpan seen = new TimeSpan();

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
    seen.widen(event.timestamp());
  }

  HostEvidence toEvidence() {
    return new HostEvidence(
        host, mta, errors, messages.values(), seen.first(), seen.last(), lines.values());
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
