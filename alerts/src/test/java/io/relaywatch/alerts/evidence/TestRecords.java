package io.relaywatch.alerts.evidence;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Records as the Streams topology writes them, at times given in seconds after {@link #T0}. */
public final class TestRecords {
  public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private TestRecords() {}

  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  public static OffsetDateTime time(long seconds) {
    return at(seconds).atOffset(ZoneOffset.UTC);
  }

  /**
   * The aggregate of the window of {@code size} holding second {@code t}, after {@code count}
   * denials, the last at {@code t}.
   */
  public static RelayDenialAggregate aggregate(
      String clientIp, long t, Duration size, long count, List<String> domains) {
    long sizeSeconds = size.toSeconds();
    Instant start = T0.plusSeconds(Math.floorDiv(t, sizeSeconds) * sizeSeconds);
    return new RelayDenialAggregate(
        clientIp,
        start,
        start.plus(size),
        size.toString(),
        count,
        domains.size(),
        true,
        domains,
        1,
        true,
        count,
        0,
        List.of("smtpd"),
        List.of(554),
        List.of("mx1"),
        start.atOffset(ZoneOffset.UTC),
        time(t),
        List.of(line(clientIp, domains.isEmpty() ? "example.net" : domains.get(0))));
  }

  /** A one-minute aggregate with one recipient domain. */
  public static RelayDenialAggregate denials(String clientIp, long t, long count) {
    return aggregate(clientIp, t, Duration.ofMinutes(1), count, List.of("example.net"));
  }

  public static String line(String clientIp, String domain) {
    return "Mar  2 10:00:00 mx1 postfix/smtpd[4242]: NOQUEUE: reject: RCPT from unknown["
        + clientIp
        + "]: 554 5.7.1 <u@"
        + domain
        + ">: Relay access denied; from=<app@example.com> to=<u@"
        + domain
        + "> proto=ESMTP helo=<app>";
  }

  public static SessionRecord session(
      String clientIp, long end, AuthOutcome outcome, boolean relayDenied, int attempts) {
    int failures = outcome == AuthOutcome.SUCCEEDED ? Math.max(0, attempts - 1) : attempts;
    List<String> users = failures > 0 ? List.of("user" + end) : List.of();
    return new SessionRecord(
        "mx1",
        "postfix/smtpd",
        4242,
        "smtpd",
        clientIp,
        "unknown",
        time(end - 2),
        time(end),
        SessionClose.DISCONNECT,
        outcome,
        outcome == AuthOutcome.SUCCEEDED ? "app" : null,
        attempts,
        failures,
        users,
        null,
        relayDenied,
        null);
  }

  public static MailEvent saslBackendError(String host, long t, String message) {
    return MailEvent.builder(EventType.SASL_BACKEND_UNAVAILABLE)
        .timestamp(time(t))
        .host(host)
        .program("postfix/smtpd")
        .mta(Mta.POSTFIX)
        .message(message)
        .raw(
            "Mar  2 10:00:00 "
                + host
                + " postfix/smtpd["
                + (4000 + t)
                + "]: warning: SASL: Connect to private/auth failed: "
                + message)
        .build();
  }
}
