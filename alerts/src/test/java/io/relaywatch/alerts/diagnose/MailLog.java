package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail log written line by line in a test, read by the real parser into {@link LogEvidence}:
 * {@code log.smtpd(1234, "10.0.0.5").relayDenied("app@example.com", "x@gmail.com")}.
 */
final class MailLog {
  /** When the log was read: the year of its RFC 3164 dates is inferred from it. */
  static final Instant READ_AT = Instant.parse("2026-11-10T00:00:00Z");

  private static final MailLogParser PARSER = MailLogParser.create(ZoneOffset.UTC);

  private final List<String> lines = new ArrayList<>();
  private int second;

  /** Lines of one Postfix smtpd process serving one client, each a second after the last. */
  final class Smtpd {
    private final String program;
    private final int pid;
    private final String client;

    private Smtpd(String program, int pid, String clientIp) {
      this.program = program;
      this.pid = pid;
      this.client = "unknown[" + clientIp + "]";
    }

    private Smtpd line(String text) {
      lines.add(header() + " mx1 " + program + "[" + pid + "]: " + text);
      return this;
    }

    Smtpd authFailed(String method, String username) {
      return line(
          "warning: "
              + client
              + ": SASL "
              + method
              + " authentication failed: (reason unavailable), sasl_username="
              + username);
    }

    Smtpd relayDenied(String from, String to) {
      return line(
          "NOQUEUE: reject: RCPT from "
              + client
              + ": 554 5.7.1 <"
              + to
              + ">: Relay access denied; from=<"
              + from
              + "> to=<"
              + to
              + "> proto=ESMTP helo=<client.example>");
    }

    Smtpd relayWarning(String from, String to) {
      return line(
          "NOQUEUE: reject_warning: RCPT from "
              + client
              + ": 554 5.7.1 <"
              + to
              + ">: Relay access denied; from=<"
              + from
              + "> to=<"
              + to
              + "> proto=ESMTP helo=<client.example>");
    }

    Smtpd login(String username) {
      return line(
          "4F3B21C0A1: client=" + client + ", sasl_method=PLAIN, sasl_username=" + username);
    }

    Smtpd disconnect(String counters) {
      return line("disconnect from " + client + " " + counters);
    }
  }

  private String header() {
    Instant at = Instant.parse("2026-11-03T10:00:00Z").plusSeconds(second++);
    return "Nov  3 " + DateTimeFormatter.ofPattern("HH:mm:ss").format(at.atOffset(ZoneOffset.UTC));
  }

  Smtpd smtpd(int pid, String clientIp) {
    return new Smtpd("postfix/smtpd", pid, clientIp);
  }

  Smtpd submission(int pid, String clientIp) {
    return new Smtpd("postfix/submission/smtpd", pid, clientIp);
  }

  /** Any line, verbatim (Exim's, or a real capture's). */
  MailLog raw(String line) {
    lines.add(line);
    return this;
  }

  /** A line with this log's next syslog header: {@code mx1 program[pid]: text}. */
  MailLog syslog(String programAndPid, String text) {
    lines.add(header() + " mx1 " + programAndPid + ": " + text);
    return this;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  Diagnosis diagnose(VerdictConfig config) {
    return diagnose(new LogEvidence(config));
  }

  Diagnosis diagnose(LogEvidence evidence) {
    for (String line : lines) {
      ParseResult result = PARSER.parse(line, READ_AT);
      evidence.add(result);
    }
    return evidence.diagnosis();
  }

  static ClientEvidence client(Diagnosis diagnosis, String ip) {
    return diagnosis.clients().stream()
        .filter(c -> c.clientIp().equals(ip))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence about " + ip + ": " + diagnosis));
  }
}
