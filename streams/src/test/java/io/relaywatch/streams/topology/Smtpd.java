package io.relaywatch.streams.topology;

import io.relaywatch.events.CommandCount;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events one Postfix smtpd process logs, as the parser makes them, for script-like tests:
 * {@code smtpd(1234, "192.0.2.7").at(3).relayDenied()}.
 */
final class Smtpd {
  static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-03T10:00:00Z");

  private final String program;
  private final String service;
  private final int pid;
  private final String clientIp;
  private String host = "mx1";
  private long second;

  private Smtpd(String program, String service, int pid, String clientIp) {
    this.program = program;
    this.service = service;
    this.pid = pid;
    this.clientIp = clientIp;
  }

  static Smtpd smtpd(int pid, String clientIp) {
    return new Smtpd("postfix/smtpd", "smtpd", pid, clientIp);
  }

  static Smtpd submission(int pid, String clientIp) {
    return new Smtpd("postfix/submission/smtpd", "submission", pid, clientIp);
  }

  /** The mail host that logs the next lines (mx1 unless said). */
  Smtpd on(String mailHost) {
    host = mailHost;
    return this;
  }

  /** Seconds after {@link #T0} of the next line. */
  Smtpd at(long secondsAfterT0) {
    second = secondsAfterT0;
    return this;
  }

  private MailEvent.Builder line(EventType type) {
    return MailEvent.builder(type)
        .timestamp(T0.plusSeconds(second))
        .host(host)
        .program(program)
        .pid(pid)
        .mta(Mta.POSTFIX)
        .instance("postfix")
        .service(service)
        .clientHost("unknown")
        .clientIp(clientIp)
        .raw(type.wireName() + " at " + second);
  }

  MailEvent authFailed(String username) {
    return line(EventType.SASL_AUTH_FAILED).saslMethod("LOGIN").saslUsername(username).build();
  }

  MailEvent login(String username) {
    return line(EventType.SASL_LOGIN).queueId("4F3B21C0A1").saslUsername(username).build();
  }

  MailEvent relayDenied() {
    return reject(RejectAction.REJECT, RejectReason.RELAY_DENIED).build();
  }

  MailEvent reject(RejectReason reason) {
    return reject(RejectAction.REJECT, reason).build();
  }

  MailEvent.Builder reject(RejectAction action, RejectReason reason) {
    return line(EventType.REJECT)
        .queueId("NOQUEUE")
        .action(action)
        .stage("RCPT")
        .smtpCode(554)
        .enhancedCode("5.7.1")
        .reason(reason)
        .recipient("x@outside.example")
        .recipientDomain("outside.example");
  }

  /** {@code disconnect("ehlo=1 auth=0/1 quit=1")}: the summary counters as logged. */
  MailEvent disconnect(String counters) {
    Map<String, CommandCount> commands = new LinkedHashMap<>();
    for (String counter : counters.split(" ")) {
      String[] nameAndCount = counter.split("=");
      String[] okOfTotal = nameAndCount[1].split("/");
      int ok = Integer.parseInt(okOfTotal[0]);
      int total = okOfTotal.length > 1 ? Integer.parseInt(okOfTotal[1]) : ok;
      commands.put(nameAndCount[0], new CommandCount(ok, total));
    }
    return line(EventType.SESSION_END).commands(commands).build();
  }
}
