package io.relaywatch.streams.parse;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectAction;
import java.util.Locale;

/** Postfix smtpd, postscreen and cleanup lines, and the message lines of qmgr and delivery. */
final class PostfixParser {
  private final CompiledPattern smtpdReject;
  private final CompiledPattern postscreenReject;
  private final CompiledPattern cleanupReject;
  private final CompiledPattern saslBackend;
  private final CompiledPattern saslFailed;
  private final CompiledPattern saslFailureNoClient;
  private final CompiledPattern saslLogin;
  private final ReasonCatalogue reasons;
  private final MessageLines messages;

  PostfixParser(GrokPatterns grok, ReasonCatalogue reasons) {
    this.smtpdReject = grok.compile("POSTFIX_SMTPD_REJECT");
    this.postscreenReject = grok.compile("POSTSCREEN_REJECT");
    this.cleanupReject = grok.compile("POSTFIX_CLEANUP_REJECT");
    this.saslBackend = grok.compile("POSTFIX_SASL_BACKEND");
    this.saslFailed = grok.compile("POSTFIX_SASL_FAILED");
    this.saslFailureNoClient = grok.compile("POSTFIX_SASL_FAILURE_NOCLIENT");
    this.saslLogin = grok.compile("POSTFIX_SASL_LOGIN");
    this.reasons = reasons;
    this.messages = new MessageLines(grok);
  }

  ParseResult parse(String line, LineHeader header, ProgramName program) {
    if ("qmgr".equals(program.daemon())) {
      return messages.qmgr(line, header, program);
    }
    if (MessageLines.DELIVERY_AGENTS.contains(program.daemon())) {
      return messages.delivery(line, header, program);
    }
    String body = line.substring(header.bodyStart());
    if (body.startsWith("disconnect from ")) {
      return sessionEnd(line, body, header, program);
    }
    if (body.startsWith("warning: ") || body.startsWith("fatal: ") || body.startsWith("error: ")) {
      return warning(line, body, header, program);
    }
    if (body.contains("reject")) {
      return reject(line, body, header, program);
    }
    if (body.contains(", sasl_method=")) {
      return saslLogin(line, body, header, program);
    }
    if (body.contains(": client=") && "smtpd".equals(program.daemon())) {
      ParseResult client = messages.client(line, body, header, program);
      return client == null ? ParseResult.IGNORED : client;
    }
    return ParseResult.IGNORED;
  }

  private ParseResult reject(String line, String body, LineHeader header, ProgramName program) {
    CompiledPattern pattern =
        "postscreen".equals(program.daemon()) ? postscreenReject : smtpdReject;
    CompiledPattern.Captures m = pattern.match(body);
    // cleanup logs milter rejects in smtpd's form, header and body checks in its own.
    boolean cleanup = m == null && "cleanup".equals(program.daemon());
    if (cleanup) {
      m = cleanupReject.match(body);
    }
    if (m == null) {
      return unparsedReject(line, header);
    }
    PostfixTrailer t =
        cleanup
            ? PostfixTrailer.fieldsOnly(m.get("trailerAndMessage"))
            : PostfixTrailer.split(m.get("message"));
    String stage = m.get("stage").toUpperCase(Locale.ROOT);
    MailEvent.Builder b =
        EventFields.base(EventType.REJECT, header, program, line)
            .queueId(m.get("queueId"))
            .action(RejectAction.fromWireName(m.get("action")))
            .stage(stage)
            .sender(t.from())
            .helo(t.helo())
            .proto(t.proto())
            .saslMethod(t.saslMethod())
            .saslUsername(EventFields.emptyToNull(t.saslUsername()));
    EventFields.client(b, m);
    EventFields.recipient(b, t.to());
    String message = cleanup ? cleanupCodes(b, t.tail()) : codes(b, m, t.message());
    b.message(message).reason(reasons.classify(message, stage));
    return new ParseResult.Parsed(b.build());
  }

  private static String codes(MailEvent.Builder b, CompiledPattern.Captures m, String message) {
    b.smtpCode(m.getInt("smtpCode")).enhancedCode(m.get("enhancedCode"));
    return message;
  }

  /** Cleanup puts {@code 5.7.1 text} after the fields; the SMTP code is not logged. */
  private static String cleanupCodes(MailEvent.Builder b, String tail) {
    if (tail == null) {
      return null;
    }
    int space = tail.indexOf(' ');
    String first = space < 0 ? tail : tail.substring(0, space);
    if (first.matches("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}")) {
      b.enhancedCode(first);
      return space < 0 ? "" : tail.substring(space + 1);
    }
    return tail;
  }

  private ParseResult warning(String line, String body, LineHeader header, ProgramName program) {
    if (!Prefilter.hasAuthKeyword(body)) {
      // Other smtpd warnings (DNS, TLS, limits) may hide a problem; they are kept, not dropped.
      return body.contains("reject")
          ? unparsedReject(line, header)
          : new ParseResult.Unparsed(
              UnparsedReasons.UNKNOWN_WARNING, header.host(), header.program(), line);
    }
    CompiledPattern.Captures m = saslBackend.match(body);
    if (m != null) {
      MailEvent.Builder b =
          EventFields.base(EventType.SASL_BACKEND_UNAVAILABLE, header, program, line);
      EventFields.client(b, m);
      return new ParseResult.Parsed(
          b.saslMethod(m.get("saslMethod")).message(m.get("message")).build());
    }
    m = saslFailed.match(body);
    if (m != null) {
      return saslFailure(line, header, program, m);
    }
    m = saslFailureNoClient.match(body);
    if (m != null) {
      return new ParseResult.Parsed(
          EventFields.base(EventType.SASL_AUTH_FAILED, header, program, line)
              .message(m.get("message"))
              .build());
    }
    return new ParseResult.Unparsed(
        UnparsedReasons.UNKNOWN_WARNING, header.host(), header.program(), line);
  }

  /** Postfix 3.9+ appends {@code , sasl_username=user} to the failure reason. */
  private static ParseResult saslFailure(
      String line, LineHeader header, ProgramName program, CompiledPattern.Captures m) {
    String message = m.get("message");
    String username = null;
    int suffix = message == null ? -1 : message.lastIndexOf(", sasl_username=");
    if (suffix >= 0) {
      username = EventFields.emptyToNull(message.substring(suffix + ", sasl_username=".length()));
      message = message.substring(0, suffix);
    }
    MailEvent.Builder b = EventFields.base(EventType.SASL_AUTH_FAILED, header, program, line);
    EventFields.client(b, m);
    return new ParseResult.Parsed(
        b.saslMethod(m.get("saslMethod")).saslUsername(username).message(message).build());
  }

  private ParseResult saslLogin(String line, String body, LineHeader header, ProgramName program) {
    CompiledPattern.Captures m = saslLogin.match(body);
    if (m == null) {
      return new ParseResult.Unparsed(
          UnparsedReasons.UNKNOWN_WARNING, header.host(), header.program(), line);
    }
    String username = m.get("saslUsername");
    int more = username.indexOf(", sasl_sender=");
    MailEvent.Builder b =
        EventFields.base(EventType.SASL_LOGIN, header, program, line)
            .queueId(m.get("queueId"))
            .saslMethod(m.get("saslMethod"))
            .saslUsername(more < 0 ? username : username.substring(0, more));
    EventFields.client(b, m);
    return new ParseResult.Parsed(b.build());
  }

  private ParseResult sessionEnd(String line, String body, LineHeader header, ProgramName program) {
    DisconnectLine m = DisconnectLine.match(body); // the POSTFIX_DISCONNECT pattern, by hand
    if (m == null) {
      return ParseResult.IGNORED;
    }
    MailEvent.Builder b =
        EventFields.base(EventType.SESSION_END, header, program, line)
            .commands(CommandCounters.parse(m.counters()));
    EventFields.client(b, m.clientHost(), m.clientIp(), CompiledPattern.toInt(m.clientPort()));
    return new ParseResult.Parsed(b.build());
  }

  private static ParseResult unparsedReject(String line, LineHeader header) {
    return new ParseResult.Unparsed(
        UnparsedReasons.UNKNOWN_REJECT, header.host(), header.program(), line);
  }
}
