package io.relaywatch.streams.topology;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.streams.parse.ParseResult;
import io.relaywatch.streams.parse.UnparsedReasons;

/**
 * The topology's own Prometheus metrics, in one place. Labels are bounded: event types, reasons,
 * SMTP codes, services and mail hosts come from small fixed or deployment-defined sets; a client IP
 * is never a label here.
 */
public final class StreamsMetrics {
  private final Counter events;
  private final Counter unparsed;
  private final Counter ignored;
  private final Counter rejects;
  private final Counter messages;
  private final Counter messagesTimedOut;
  private final Counter sessions;

  public StreamsMetrics(CollectorRegistry registry) {
    events =
        Counter.build("relaywatch_streams_events_total", "Recognised events, by type.")
            .labelNames("type")
            .register(registry);
    unparsed =
        Counter.build(
                "relaywatch_streams_unparsed_total",
                "Relevant lines no pattern matched, by reason.")
            .labelNames("reason")
            .register(registry);
    // A series that only appears with the first unparsed line makes "no gaps" look like "no data".
    UnparsedReasons.ALL.forEach(reason -> unparsed.labels(reason));
    ignored =
        Counter.build("relaywatch_streams_lines_ignored_total", "Ordinary lines, ignored.")
            .register(registry);
    rejects =
        Counter.build(
                "relaywatch_streams_rejects_total",
                "Refused SMTP commands (reject_warning excluded).")
            .labelNames("reason", "code", "service", "host")
            .register(registry);
    messages =
        Counter.build(
                "relaywatch_streams_messages_total",
                "Messages accepted into a Postfix queue, by client network, SASL and outcome.")
            .labelNames("network", "authenticated", "outcome")
            .register(registry);
    messagesTimedOut =
        Counter.build(
                "relaywatch_streams_messages_timed_out_total",
                "Message records closed by the timeout rather than by qmgr's removed line.")
            .register(registry);
    sessions =
        Counter.build(
                "relaywatch_streams_sessions_total",
                "Postfix smtpd sessions closed, by how: disconnect, timeout (no line for the timeout,"
                    + " or closed early when too many were open) or superseded.")
            .labelNames("closed_by", "auth")
            .register(registry);
  }

  /** Counts a finished session; its client is never a label. */
  void recordSession(SessionRecord session) {
    sessions.labels(session.closedBy().wireName(), session.authOutcome().wireName()).inc();
  }

  /** Counts a finished message; its client is only classified, never a label. */
  void recordMessage(MessageRecord message, InternalNetworks internal) {
    String network =
        message.clientIp() == null
            ? "unknown"
            : internal.contains(message.clientIp()) ? "internal" : "external";
    messages
        .labels(network, String.valueOf(message.authenticated()), message.outcome().wireName())
        .inc();
    if (message.closedBy() == MessageClose.TIMEOUT) {
      messagesTimedOut.inc();
    }
  }

  void record(ParseResult result) {
    if (result instanceof ParseResult.Parsed parsed) {
      MailEvent e = parsed.event();
      events.labels(e.type().wireName()).inc();
      if (e.isRefusal()) {
        rejects
            .labels(
                label(e.reason() == null ? null : e.reason().wireName()),
                label(e.smtpCode()),
                label(e.service()),
                label(e.host()))
            .inc();
      }
    } else if (result instanceof ParseResult.Unparsed u) {
      unparsed.labels(u.reason()).inc();
    } else {
      ignored.inc();
    }
  }

  private static String label(Object value) {
    return value == null ? "" : value.toString();
  }
}
