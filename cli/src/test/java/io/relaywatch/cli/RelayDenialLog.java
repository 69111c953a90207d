package io.relaywatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Postfix sessions of many relay probers on several mail hosts, the same for the same seed:
 * connect, one to four relay denials, disconnect. Time (UTC, RFC 3164) never goes backwards.
 *
 * <p>Each host has its own clients. An aggregate lists the first recipient domains, hosts and
 * sample lines in arrival order, and the arrival order of two hosts' lines about one client is up
 * to the scheduling of two stream tasks; with disjoint clients every aggregate is deterministic, so
 * runs can be compared value for value.
 *
 * <p>The log starts at half past the hour two hours before now, never on a fixed date. Its times
 * become the record timestamps of events, aggregates and changelogs, and the broker deletes records
 * by timestamp against its wall clock: {@code relaywatch.events} after 7 days, a window store's
 * changelog after window size + grace + 1 day (about 49 hours). A log dated 2026-11-03 run on
 * 2026-11-28 lost, about 15 to 30 seconds after the broker started, every unconsumed raw line and
 * the first transaction of every changelog partition; a restarted instance restored its windows
 * without those denials and ended 1 or 2 short of an uninterrupted run (issue 4).
 */
final class RelayDenialLog {
  /** One line to ship: the mail host (the record key) and the text. */
  record Line(String host, String text) {}

  private static final DateTimeFormatter SYSLOG_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final int CLIENTS_PER_HOST = 40;
  private static final int DOMAINS = 30;

  private final SplittableRandom random;
  private final List<String> hosts;
  private final List<Line> lines = new ArrayList<>();
  private long millis;
  private int denials;
  private int pid = 1000;

  private RelayDenialLog(long seed, List<String> hosts, Instant start) {
    this.random = new SplittableRandom(seed);
    this.hosts = List.copyOf(hosts);
    this.millis = start.toEpochMilli();
  }

  /** {@code sessions} sessions spread at random over {@code hosts}, starting {@link #recent()}. */
  static RelayDenialLog generate(long seed, List<String> hosts, int sessions) {
    return generate(seed, hosts, sessions, recent());
  }

  /** {@code sessions} sessions spread at random over {@code hosts}, the first at {@code start}. */
  static RelayDenialLog generate(long seed, List<String> hosts, int sessions, Instant start) {
    RelayDenialLog log = new RelayDenialLog(seed, hosts, start);
    for (int i = 0; i < sessions; i++) {
      log.session();
    }
    return log;
  }

  /**
   * Half past the hour, two hours ago: well inside every retention, and a 4,000-session log (about
   * 47 minutes) still spans two 1-hour windows and ends before now.
   */
  static Instant recent() {
    return Instant.now()
        .truncatedTo(ChronoUnit.HOURS)
        .minus(Duration.ofHours(2))
        .plus(Duration.ofMinutes(30));
  }

  List<Line> lines() {
    return lines;
  }

  /** How many "Relay access denied" lines there are: every window size must count them all. */
  int denials() {
    return denials;
  }

  /** A shipped time just after the last line: the reference for the year RFC 3164 leaves out. */
  Instant shippedAt() {
    return Instant.ofEpochMilli(millis).plusSeconds(60);
  }

  private void session() {
    int h = random.nextInt(hosts.size());
    String host = hosts.get(h);
    String ip = "10." + (h + 1) + ".0." + (1 + random.nextInt(CLIENTS_PER_HOST));
    String client = "unknown[" + ip + "]";
    String prefix = " " + host + " postfix/smtpd[" + (pid++) + "]: ";
    String sender = "spam" + random.nextInt(5) + "@foreign" + random.nextInt(3) + ".example";
    add(host, prefix + "connect from " + client);
    int rcpts = 1 + random.nextInt(4);
    for (int r = 0; r < rcpts; r++) {
      String rcpt = "user" + random.nextInt(9) + "@outside" + random.nextInt(DOMAINS) + ".example";
      add(
          host,
          prefix
              + "NOQUEUE: reject: RCPT from "
              + client
              + ": 554 5.7.1 <"
              + rcpt
              + ">: Relay access denied; from=<"
              + sender
              + "> to=<"
              + rcpt
              + "> proto=ESMTP helo=<probe.example.net>");
      denials++;
    }
    add(
        host,
        prefix
            + "disconnect from "
            + client
            + " ehlo=1 mail=1 rcpt=0/"
            + rcpts
            + " quit=1 commands=3/"
            + (rcpts + 3));
  }

  private void add(String host, String rest) {
    millis += random.nextInt(400);
    lines.add(new Line(host, SYSLOG_TIME.format(Instant.ofEpochMilli(millis)) + rest));
  }
}
