package io.relaywatch.streams.parse;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectAction;
import java.util.Locale;

/** Sendmail and sm-mta ruleset rejects, AUTH failures and pre-greeting refusals. */
final class SendmailParser {
  private final CompiledPattern rulesetReject;
  private final CompiledPattern authFailed;
  private final CompiledPattern rejecting;
  private final CompiledPattern expnVrfy;
  private final ReasonCatalogue reasons;

  SendmailParser(GrokPatterns grok, ReasonCatalogue reasons) {
    this.rulesetReject = grok.compile("SENDMAIL_RULESET_REJECT");
    this.authFailed = grok.compile("SENDMAIL_AUTH_FAILED");
    this.rejecting = grok.compile("SENDMAIL_REJECTING");
    this.expnVrfy = grok.compile("SENDMAIL_EXPN_VRFY");
    this.reasons = reasons;
  }

  ParseResult parse(String line, LineHeader header, ProgramName program) {
    String body = line.substring(header.bodyStart());
    if (body.contains("ruleset=")) {
      return rulesetReject(line, body, header, program);
    }
    if (body.contains("AUTH failure")) {
      return authFailure(line, body, header, program);
    }
    if (body.contains("rejecting commands from")) {
      return rejecting(line, body, header, program, rejecting, "CONNECT");
    }
    if (body.endsWith(" [rejected]")) {
      return rejecting(line, body, header, program, expnVrfy, null);
    }
    if (Prefilter.hasRejectKeyword(body)) {
      return unparsed(UnparsedReasons.UNKNOWN_REJECT, line, header);
    }
    return ParseResult.IGNORED;
  }

  private ParseResult rulesetReject(
      String line, String body, LineHeader header, ProgramName program) {
    CompiledPattern.Captures m = rulesetReject.match(body);
    if (m == null) {
      return unparsed(UnparsedReasons.UNKNOWN_REJECT, line, header);
    }
    String ruleset = m.get("ruleset");
    String stage = stage(ruleset);
    String message = m.get("message");
    String arg1 = unbracket(m.get("arg1"));
    MailEvent.Builder b =
        EventFields.base(EventType.REJECT, header, program, line)
            .queueId(m.get("queueId"))
            .action(RejectAction.REJECT)
            .stage(stage)
            .smtpCode(m.getInt("smtpCode"))
            .enhancedCode(m.get("enhancedCode"))
            .message(message)
            .reason(reasons.classify(message, stage));
    EventFields.client(b, m);
    if ("RCPT".equals(stage)) {
      EventFields.recipient(b, arg1);
    } else if ("MAIL".equals(stage)) {
      b.sender(arg1);
    }
    return new ParseResult.Parsed(b.build());
  }

  private static String stage(String ruleset) {
    return switch (ruleset) {
      case "check_rcpt" -> "RCPT";
      case "check_mail" -> "MAIL";
      case "check_relay" -> "CONNECT";
      case "check_helo" -> "HELO";
      case "check_data", "check_eoh", "check_eom" -> "DATA";
      default -> null;
    };
  }

  private static String unbracket(String arg) {
    if (arg != null && arg.length() >= 2 && arg.startsWith("<") && arg.endsWith(">")) {
      return arg.substring(1, arg.length() - 1);
    }
    return arg;
  }

  private ParseResult authFailure(
      String line, String body, LineHeader header, ProgramName program) {
    CompiledPattern.Captures m = authFailed.match(body);
    if (m == null) {
      return unparsed(UnparsedReasons.UNKNOWN_WARNING, line, header);
    }
    MailEvent.Builder b =
        EventFields.base(EventType.SASL_AUTH_FAILED, header, program, line)
            .queueId(m.get("queueId"))
            .saslMethod(m.get("saslMethod"))
            .saslUsername(EventFields.emptyToNull(m.get("saslUsername")))
            .message(m.get("message"));
    EventFields.client(b, m);
    return new ParseResult.Parsed(b.build());
  }

  /** Refusals without an SMTP code: pre-greeting traffic, EXPN and VRFY. */
  private ParseResult rejecting(
      String line,
      String body,
      LineHeader header,
      ProgramName program,
      CompiledPattern pattern,
      String stage) {
    CompiledPattern.Captures m = pattern.match(body);
    if (m == null) {
      return unparsed(UnparsedReasons.UNKNOWN_REJECT, line, header);
    }
    String message = m.get("message");
    String loggedStage = stage != null ? stage : m.get("stage").toUpperCase(Locale.ROOT);
    MailEvent.Builder b =
        EventFields.base(EventType.REJECT, header, program, line)
            .queueId(m.get("queueId"))
            .action(RejectAction.REJECT)
            .stage(loggedStage)
            .message(message)
            .reason(reasons.classify(message, loggedStage));
    EventFields.client(b, m);
    return new ParseResult.Parsed(b.build());
  }

  private static ParseResult unparsed(String reason, String line, LineHeader header) {
    return new ParseResult.Unparsed(reason, header.host(), header.program(), line);
  }
}
