package io.relaywatch.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A Postfix mail log that plays out the cases relaywatch exists for, in the line shapes a real
 * Postfix 3.7 writes (see streams' postfix-real fixture): an application server missing from {@code
 * mynetworks}, an open-relay prober, a laptop with a wrong password, the Dovecot auth socket gone,
 * and ordinary mail around them. Deterministic for a seed, so tests and the demo agree.
 *
 * <p>Every call to {@link #next(Instant)} returns one SMTP session's lines (or one host event)
 * stamped at the given time, RFC 3339 headers as rsyslog writes them, so no year is guessed.
 */
public final class ScenarioLog {
  /** The domain the demo site sends as and receives for. */
  public static final String LOCAL_DOMAIN = "example.com";

  /** The application server that sends as {@code noreply@example.com} on port 25, never AUTH. */
  public static final String APP_SERVER = "10.20.0.15";

  /** The outside client probing whether the server relays (TEST-NET-3, so never a real host). */
  public static final String PROBER = "203.0.113.66";

  /** An internal laptop whose saved password is wrong. */
  public static final String WRONG_PASSWORD = "10.20.0.33";

  /** An internal laptop that authenticates and sends normally. */
  public static final String GOOD_CLIENT = "10.20.0.40";

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
  private static final String HOST = "mx1";

  private final Random random;
  private int step;
  private int pid = 4100;
  private long queue = 0x3F1A20000L;

  public ScenarioLog(long seed) {
    this.random = new Random(seed);
  }

  /** The next session's lines, in the order the scenarios take turns. */
  public List<String> next(Instant at) {
    Lines out = new Lines(at);
    int turn = step++;
    switch (turn % 8) {
      case 0, 4 -> appServerDenied(out);
      case 1, 3, 5, 7 -> probe(out);
      case 2 -> wrongPassword(out);
      default -> {
        // The auth socket fails every other round, so the backend looks flaky, not gone.
        if ((turn / 8) % 2 == 0) {
          saslSocketMissing(out);
        } else {
          goodMail(out);
        }
      }
    }
    return out.lines;
  }

  private void appServerDenied(Lines out) {
    String smtpd = "postfix/smtpd[" + nextPid() + "]";
    String client = "app01.corp.example.com[" + APP_SERVER + "]";
    String to = "customer" + random.nextInt(1000) + "@" + pick("mail.example.net", "example.org");
    out.add(smtpd, "connect from " + client);
    out.add(
        smtpd,
        "NOQUEUE: reject: RCPT from "
            + client
            + ": 554 5.7.1 <"
            + to
            + ">: Relay access denied; from=<noreply@"
            + LOCAL_DOMAIN
            + "> to=<"
            + to
            + "> proto=ESMTP helo=<app01.corp.example.com>");
    out.add(smtpd, "disconnect from " + client + " ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
  }

  private void probe(Lines out) {
    String smtpd = "postfix/smtpd[" + nextPid() + "]";
    String client = "unknown[" + PROBER + "]";
    String from = "test" + random.nextInt(100) + "@relay-check" + random.nextInt(10) + ".example";
    int rcpts = 2 + random.nextInt(3);
    out.add(smtpd, "connect from " + client);
    for (int i = 0; i < rcpts; i++) {
      String to = "victim@target" + random.nextInt(500) + ".example.net";
      out.add(
          smtpd,
          "NOQUEUE: reject: RCPT from "
              + client
              + ": 554 5.7.1 <"
              + to
              + ">: Relay access denied; from=<"
              + from
              + "> to=<"
              + to
              + "> proto=SMTP helo=<[203.0.113.66]>");
    }
    out.add(
        smtpd,
        "disconnect from "
            + client
            + " helo=1 mail=1 rcpt=0/"
            + rcpts
            + " quit=1 commands=3/"
            + (rcpts + 3));
  }

  private void wrongPassword(Lines out) {
    String smtpd = "postfix/submission/smtpd[" + nextPid() + "]";
    String client = "laptop33.corp.example.com[" + WRONG_PASSWORD + "]";
    out.add(smtpd, "connect from " + client);
    out.add(
        smtpd,
        "warning: "
            + client
            + ": SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=bob@"
            + LOCAL_DOMAIN);
    out.add(
        smtpd,
        "NOQUEUE: reject: RCPT from "
            + client
            + ": 554 5.7.1 <partner@example.org>: Relay access denied; from=<bob@"
            + LOCAL_DOMAIN
            + "> to=<partner@example.org> proto=ESMTP helo=<laptop33>");
    out.add(
        smtpd,
        "disconnect from "
            + client
            + " ehlo=2 starttls=1 auth=0/1 mail=1 rcpt=0/1 quit=1 commands=5/7");
  }

  private void saslSocketMissing(Lines out) {
    String smtpd = "postfix/submission/smtpd[" + nextPid() + "]";
    out.add(
        smtpd,
        "warning: SASL: Connect to Dovecot auth socket 'private/auth' failed: No such file or"
            + " directory");
    out.add(smtpd, "fatal: no SASL authentication mechanisms");
  }

  private void goodMail(Lines out) {
    String smtpd = "postfix/submission/smtpd[" + nextPid() + "]";
    String client = "laptop40.corp.example.com[" + GOOD_CLIENT + "]";
    String id = Long.toHexString(queue++).toUpperCase(Locale.ROOT);
    out.add(smtpd, "connect from " + client);
    out.add(smtpd, id + ": client=" + client + ", sasl_method=PLAIN, sasl_username=alice");
    out.add(
        "postfix/qmgr[812]",
        id + ": from=<alice@" + LOCAL_DOMAIN + ">, size=1834, nrcpt=1 (queue active)");
    out.add(
        smtpd,
        "disconnect from "
            + client
            + " ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8");
    out.add(
        "postfix/smtp[" + nextPid() + "]",
        id
            + ": to=<friend@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=0.4,"
            + " delays=0.05/0.01/0.2/0.14, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)");
    out.add("postfix/qmgr[812]", id + ": removed");
  }

  private String pick(String a, String b) {
    return random.nextBoolean() ? a : b;
  }

  private int nextPid() {
    pid += 1 + random.nextInt(7);
    return pid;
  }

  private static final class Lines {
    private final String stamp;
    private final List<String> lines = new ArrayList<>();

    Lines(Instant at) {
      stamp = RFC3339.format(at);
    }

    void add(String program, String message) {
      lines.add(stamp + " " + HOST + " " + program + ": " + message);
    }
  }
}
