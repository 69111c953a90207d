package io.relaywatch.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 */
final class RelayDenialLog {
  /** One line to ship: the mail host (the record key) and the text. */
  record Line(String host, String text) {}

  private static final DateTimeFormatter SYSLOG_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final Instant START = Instant.parse("2026-11-03T22:30:00Z");
  private static final int CLIENTS_PER_HOST = 40;
  private static final int DOMAINS = 30;

  private final SplittableRandom random;
  private final List<String> hosts;
  private final List<Line> lines = new ArrayList<>();
  private long millis = START.toEpochMilli();
  private int denials;
  private int pid = 1000;

  private RelayDenialLog(long seed, List<String> hosts) {
    this.random = new SplittableRandom(seed);
    this.hosts = List.copyOf(hosts);
  }

  /** {@code sessions} sessions spread at random over {@code hosts}. */
  static RelayDenialLog generate(long seed, List<String> hosts, int sessions) {
    RelayDenialLog log = new RelayDenialLog(seed, hosts);
    for (int i = 0; i < sessions; i++) {
      log.session();
    }
    return log;
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
