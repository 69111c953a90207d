package io.relaywatch.streams.parse;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectAction;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Exim reject and authenticator lines, from its own mainlog or from syslog. */
final class EximParser {
  private static final Pattern OWN_TIMESTAMP =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,6})?(?: [+-][0-9]{4})? (?:\\[[0-9]{1,9}\\] )?");

  private final CompiledPattern reject;
  private final CompiledPattern rejectFrom;
  private final CompiledPattern syncError;
  private final CompiledPattern authFailed;
  private final ReasonCatalogue reasons;

  EximParser(GrokPatterns grok, ReasonCatalogue reasons) {
    this.reject = grok.compile("EXIM_REJECT");
    this.rejectFrom = grok.compile("EXIM_REJECT_FROM");
    this.syncError = grok.compile("EXIM_SYNC_ERROR");
    this.authFailed = grok.compile("EXIM_AUTH_FAILED");
    this.reasons = reasons;
  }

  ParseResult parse(String line, LineHeader header, ProgramName program) {
    String body = withoutOwnTimestamp(line.substring(header.bodyStart()));
    if (isDelivery(body)) {
      // "** addr ... rejected" is a remote server refusing our mail, not a client refused by us.
      return ParseResult.IGNORED;
    }
    if (body.contains("authenticator failed")) {
      return authFailure(line, body, header, program);
    }
    if (body.contains("rejected ")) {
      return reject(line, body, header, program);
    }
    return ParseResult.IGNORED;
  }

  /** Exim's syslog lines may repeat its own {@code 2026-06-29 15:33:46 [pid] } header. */
  private static String withoutOwnTimestamp(String body) {
    if (body.length() < 20 || !Character.isDigit(body.charAt(0))) {
      return body;
    }
    Matcher m = OWN_TIMESTAMP.matcher(body);
    return m.lookingAt() ? body.substring(m.end()) : body;
  }

  private static boolean isDelivery(String body) {
    return body.contains(" ** ") || body.contains(" == ") || body.startsWith("** ");
  }

  private ParseResult reject(String line, String body, LineHeader header, ProgramName program) {
    CompiledPattern.Captures m = reject.match(body);
    CompiledPattern.Captures c = m != null ? m : rejectFrom.match(body);
    if (c == null && body.startsWith("SMTP protocol synchronization error")) {
      c = syncError.match(body);
    }
    if (c == null) {
      return new ParseResult.Unparsed(
          UnparsedReasons.UNKNOWN_REJECT, header.host(), header.program(), line);
    }
    String stage = c.get("stage") == null ? "CONNECT" : stage(c.get("stage"));
    String message = c.get("message");
    MailEvent.Builder b =
        EventFields.base(EventType.REJECT, header, program, line)
            .action(RejectAction.REJECT)
            .stage(stage)
            .message(message)
            .reason(reasons.classify(message, stage));
    EventFields.client(b, c);
    b.queueId(c.get("queueId")).helo(c.get("helo")).sender(c.get("sender"));
    EventFields.recipient(b, c.get("recipient"));
    codes(b, message);
    return new ParseResult.Parsed(b.build());
  }

  private static String stage(String logged) {
    return switch (logged) {
      case "after DATA" -> "DATA";
      case "connection" -> "CONNECT";
      default -> logged.toUpperCase(Locale.ROOT);
    };
  }

  /** Exim writes no code on reject lines except where an ACL message begins with one. */
  private static void codes(MailEvent.Builder b, String message) {
    if (message != null && message.length() >= 4 && message.charAt(3) == ' ') {
      Integer code = HeaderParser.pid(message.substring(0, 3));
      if (code != null && code >= 400 && code < 600) {
        b.smtpCode(code);
      }
    }
  }

  private ParseResult authFailure(
      String line, String body, LineHeader header, ProgramName program) {
    CompiledPattern.Captures m = authFailed.match(body);
    if (m == null) {
      return new ParseResult.Unparsed(
          UnparsedReasons.UNKNOWN_WARNING, header.host(), header.program(), line);
    }
    String message = m.get("message");
    MailEvent.Builder b =
        EventFields.base(EventType.SASL_AUTH_FAILED, header, program, line)
            .queueId(m.get("queueId"))
            .saslMethod(m.get("saslMethod"))
            .helo(m.get("helo"))
            .smtpCode(m.getInt("smtpCode"))
            .saslUsername(setId(message))
            .message(message);
    EventFields.client(b, m);
    return new ParseResult.Parsed(b.build());
  }

  /** Exim names the user as {@code (set_id=user)} at the end of the message. */
  private static String setId(String message) {
    int start = message == null ? -1 : message.lastIndexOf("(set_id=");
    if (start < 0 || !message.endsWith(")")) {
      return null;
    }
    return EventFields.emptyToNull(message.substring(start + 8, message.length() - 1));
  }
}
