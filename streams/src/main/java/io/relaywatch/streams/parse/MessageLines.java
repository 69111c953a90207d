package io.relaywatch.streams.parse;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import java.util.Set;

/**
 * The Postfix lines that follow one accepted message through the queue: smtpd's {@code client=}
 * without SASL, qmgr's {@code from=} and {@code removed}, and the delivery agents' {@code to=...
 * status=}. Delivery agents' other lines (a remote server's refusal quoted in a {@code status=}
 * text included) are never rejects of ours.
 */
final class MessageLines {
  /** Postfix daemons that log delivery lines. */
  static final Set<String> DELIVERY_AGENTS =
      Set.of("smtp", "lmtp", "local", "virtual", "pipe", "discard", "error", "retry");

  private static final String REMOVED = ": removed";

  private final CompiledPattern client;
  private final CompiledPattern queued;
  private final CompiledPattern removed;
  private final CompiledPattern delivery;

  MessageLines(GrokPatterns grok) {
    this.client = grok.compile("POSTFIX_MESSAGE_CLIENT");
    this.queued = grok.compile("POSTFIX_QMGR_FROM");
    this.removed = grok.compile("POSTFIX_QMGR_REMOVED");
    this.delivery = grok.compile("POSTFIX_DELIVERY");
  }

  /** smtpd {@code client=host[ip]} without SASL; null when the body is not one. */
  ParseResult client(String line, String body, LineHeader header, ProgramName program) {
    CompiledPattern.Captures m = client.match(body);
    if (m == null) {
      return null;
    }
    MailEvent.Builder b =
        EventFields.base(EventType.MESSAGE_RECEIVED, header, program, line)
            .queueId(m.get("queueId"));
    EventFields.client(b, m);
    return new ParseResult.Parsed(b.build());
  }

  /**
   * A qmgr line: {@code from=} into the active queue, {@code removed}, or a recipient qmgr deferred
   * or bounced itself (a dead destination, an expired message); else ignored.
   */
  ParseResult qmgr(String line, LineHeader header, ProgramName program) {
    String body = line.substring(header.bodyStart());
    if (body.contains(": to=<")) {
      return delivery(line, header, program);
    }
    CompiledPattern.Captures m = body.contains(", nrcpt=") ? queued.match(body) : null;
    if (m != null) {
      return new ParseResult.Parsed(
          EventFields.base(EventType.MESSAGE_QUEUED, header, program, line)
              .queueId(m.get("queueId"))
              .sender(m.get("sender"))
              .build());
    }
    // The suffix test first: most qmgr lines are from= lines.
    if (body.endsWith(REMOVED) && removed.match(body) != null) {
      return new ParseResult.Parsed(
          EventFields.base(EventType.MESSAGE_REMOVED, header, program, line)
              .queueId(body.substring(0, body.length() - REMOVED.length()))
              .build());
    }
    return ParseResult.IGNORED;
  }

  /** A delivery agent's {@code to=... status=} line; every other line of theirs is ignored. */
  ParseResult delivery(String line, LineHeader header, ProgramName program) {
    CompiledPattern.Captures m = delivery.match(line.substring(header.bodyStart()));
    if (m == null) {
      return ParseResult.IGNORED;
    }
    MailEvent.Builder b =
        EventFields.base(EventType.MESSAGE_DELIVERY, header, program, line)
            .queueId(m.get("queueId"))
            .enhancedCode(m.get("enhancedCode"))
            .message(m.get("status"));
    EventFields.recipient(b, m.get("recipient"));
    return new ParseResult.Parsed(b.build());
  }
}
