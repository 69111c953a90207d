package io.relaywatch.streams.topology;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.SessionRecord;
import java.util.Set;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Session correlation: one {@link SessionRecord} per SMTP session of a Postfix smtpd process, and
 * SASL backend errors as host-level events. Both take the stream of parsed events and return a
 * stream for the caller to write ({@code Topics.SESSIONS}, {@code Topics.SASL_BACKEND_ERRORS}).
 *
 * <pre>
 * events -> correlate-sessions (smtpd lines with a client, keyed host|program|pid inside;
 *           store open-sessions-by-host; event-time clock) -> sessions keyed by IP
 * events -> sasl_backend_unavailable -> keyed by mail host
 * </pre>
 *
 * <p>The fold needs each process's lines in log order. Feed it the stream that comes from {@code
 * relaywatch.raw-lines}, keyed by mail host, so all lines of a host are on one partition and one
 * task, in log order: the fold runs right there, with no repartition. Not a re-read of {@code
 * relaywatch.events}, whose client-IP keys spread one process's consecutive sessions over
 * partitions. The fold sees every event, since every event moves its clock.
 */
public final class SessionCorrelation {
  /**
   * The key-value store of open sessions, keyed by {@code host|program|pid}, on the partitions of
   * {@code relaywatch.raw-lines} (by mail host). Not {@code open-sessions}: that was the store of
   * the older repartition by process, whose changelog must not be restored into this one.
   */
  public static final String STORE = "open-sessions-by-host";

  private static final Set<EventType> SESSION_TYPES =
      Set.of(
          EventType.REJECT,
          EventType.SASL_AUTH_FAILED,
          EventType.SASL_LOGIN,
          EventType.SESSION_END);

  private SessionCorrelation() {}

  /** Sessions keyed by client IP, emitted when each closes. */
  public static KStream<String, SessionRecord> addTo(
      KStream<String, MailEvent> events, SessionConfig config, StreamsMetrics metrics) {
    return events.process(
        CorrelateSessions.supplier(config, metrics), Named.as("correlate-sessions"));
  }

  /** SASL backend errors keyed by mail host (the record key when the line names no host). */
  public static KStream<String, MailEvent> saslBackendErrors(KStream<String, MailEvent> events) {
    return events
        .filter(
            (key, event) -> event != null && event.type() == EventType.SASL_BACKEND_UNAVAILABLE,
            Named.as("sasl-backend-errors"))
        .selectKey(
            (key, event) -> event.host() != null ? event.host() : key,
            Named.as("sasl-backend-errors-by-host"));
  }

  /**
   * Postfix smtpd lines with a client address. Lines without one (Cyrus' own failure line, which
   * Postfix follows with a counted {@code host[ip]: SASL ... failed}) cannot be placed safely.
   */
  static boolean correlates(MailEvent event) {
    return event != null
        && event.mta() == Mta.POSTFIX
        && event.program() != null
        && event.program().endsWith("/smtpd")
        && event.pid() != null
        && event.clientIp() != null
        && SESSION_TYPES.contains(event.type());
  }

  /** One smtpd process serves one session at a time, so it names the open session. */
  static String processKey(MailEvent event) {
    return event.host() + "|" + event.program() + "|" + event.pid();
  }
}
