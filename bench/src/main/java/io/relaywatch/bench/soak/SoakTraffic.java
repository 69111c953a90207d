package io.relaywatch.bench.soak;

import io.relaywatch.bench.ClientPool;
import io.relaywatch.bench.LineKind;
import io.relaywatch.bench.PostfixLines;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's mail log lines, stamped with the wall clock (the alert service's window follows it):
 * the bench generator's Postfix mix from a pool of clients that the soak's configuration calls
 * internal, plus the open-relay probers, the only outside clients, whose alerts are expected.
 *
 * <p>The background leaves out SASL failures and sessions that ended with a failed AUTH: an
 * internal client failing AUTH a few times is a {@code sasl_auth_failing} verdict, and alerts the
 * soak cannot predict would blur its check.
 */
final class SoakTraffic {
  static final String MAIL_HOST = "mx1";
  private static final int CLIENTS = 3000;
  private static final Pattern RCPT_FROM = Pattern.compile("RCPT from [^\\[]*\\[([^\\]]+)\\]");
  private static final DateTimeFormatter SYSLOG_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final String[] PROBE_DOMAINS = {
    "probe-a.example.net", "probe-b.example.org", "probe-c.example.net", "probe-d.test"
  };

  /** One line and, when it is a relay denial that counts (not a reject_warning), its client. */
  record Line(String text, String relayDenialIp) {}

  private final SplittableRandom random;
  private final PostfixLines postfix;
  private final StringBuilder line = new StringBuilder(256);
  private final Map<String, Long> probes = new HashMap<>();

  SoakTraffic(long seed) {
    random = new SplittableRandom(seed);
    postfix = new PostfixLines(random, new ClientPool(random, CLIENTS));
  }

  /** A background line at {@code now}. */
  Line background(Instant now) {
    LineKind kind;
    String text;
    do {
      kind = LineKind.forTicket(random.nextInt(LineKind.TOTAL_WEIGHT));
      line.setLength(0);
      String time = SYSLOG_TIME.format(now);
      line.append(time).append(' ').append(MAIL_HOST).append(' ');
      postfix.append(line, kind, time);
      text = line.toString();
    } while (kind == LineKind.SASL_FAILED || text.contains(" auth=0/1 "));
    return new Line(text, kind == LineKind.RELAY_DENIED ? rcptClient(text) : null);
  }

  /**
   * A probe from {@code ip} at {@code now}: a relay denial to one of a few foreign domains, and
   * every fifth a {@code reject_warning} (a dry-run restriction), which must not count.
   */
  Line probe(String ip, Instant now) {
    long n = probes.merge(ip, 1L, Long::sum) - 1;
    boolean warning = n % 5 == 4;
    String domain = PROBE_DOMAINS[(int) (n % PROBE_DOMAINS.length)];
    String text =
        SYSLOG_TIME.format(now)
            + " "
            + MAIL_HOST
            + " postfix/smtpd[4242]: NOQUEUE: "
            + (warning ? "reject_warning" : "reject")
            + ": RCPT from unknown["
            + ip
            + "]: 554 5.7.1 <test"
            + n
            + "@"
            + domain
            + ">: Relay access denied; from=<spam@bulk"
            + (n % 7)
            + ".example.org> to=<test"
            + n
            + "@"
            + domain
            + "> proto=ESMTP helo=<probe>";
    return new Line(text, warning ? null : ip);
  }

  /** The client address of a {@code RCPT from host[ip]} line. */
  static String rcptClient(String text) {
    Matcher m = RCPT_FROM.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no RCPT client in " + text);
    }
    return m.group(1);
  }

  /** The networks the soak's configuration calls internal: every background client. */
  static List<String> internalNetworks() {
    return List.of(
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "192.0.2.0/24",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "2001:db8::/32",
        "127.0.0.0/8");
  }
}
