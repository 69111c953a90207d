package io.relaywatch.bench.latency;

import io.relaywatch.bench.MailLogGenerator;
import io.relaywatch.events.InternalNetworks;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The generator's realistic mix, stamped with the current time, minus the lines that would give the
 * background a verdict under the shipped settings, so that every alert of a run belongs to a probe.
 * With the default {@code networks.internal} and no {@code localDomains}:
 *
 * <ul>
 *   <li>relay denials only from internal clients (an outside client refused relay is an {@code
 *       open_relay_probe}; an internal one needs {@code localDomains} or {@code networks.trusted}
 *       to be a {@code trusted_sender_not_in_mynetworks}, and is refused on port 25 only);
 *   <li>SASL failures only from outside clients (five from an internal client are {@code
 *       sasl_auth_failing}; from outside, without relay denials, they are password guessing);
 *   <li>disconnects showing a failed AUTH only from outside clients (a refused session of an
 *       internal client after a failed AUTH counts towards {@code sasl_auth_failing});
 *   <li>unauthenticated {@code client=} lines only from internal clients (an outside client's
 *       message for a foreign domain is {@code server_is_open_relay}).
 * </ul>
 *
 * Dropped lines are replaced by the next acceptable one, so the rate is unchanged; the relay
 * denials (the records that cross the aggregation's repartition) keep their internal share.
 */
final class QuietBackground {
  private static final int SYSLOG_TIME_CHARS = "Nov  3 10:33:27".length();

  private final MailLogGenerator generator;
  private final DateTimeFormatter syslogTime;
  private final InternalNetworks internal = InternalNetworks.defaults();
  private long formattedSecond = Long.MIN_VALUE;
  private String formattedTime;

  /**
   * @param seed the generator's seed
   * @param zone the zone the log is written in (the Streams default reads the system zone)
   */
  QuietBackground(long seed, ZoneId zone) {
    generator = new MailLogGenerator(seed, MailLogGenerator.DEFAULT_START);
    syslogTime = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(zone);
  }

  /** The next background line, without a newline, dated {@code now}. */
  String nextLine(Instant now) {
    String line = generator.nextLine();
    while (!isQuiet(line)) {
      line = generator.nextLine();
    }
    return restamp(line, now);
  }

  /** Whether the line, with its client, can count towards no verdict of the catalogue. */
  boolean isQuiet(String line) {
    if (line.contains("Relay access denied")) {
      return isInternal(clientIp(line, "RCPT from "));
    }
    if (line.contains("authentication failed")) {
      return !isInternal(clientIp(line, "warning: "));
    }
    if (line.contains("disconnect from ") && line.contains(" auth=0/")) {
      return !isInternal(clientIp(line, "disconnect from "));
    }
    if (line.contains(": client=") && !line.contains("sasl_username=")) {
      return isInternal(clientIp(line, ": client="));
    }
    return true;
  }

  private boolean isInternal(String ip) {
    return ip != null && internal.contains(ip);
  }

  /** The address in the first {@code host[ip]} after {@code marker}, or null. */
  static String clientIp(String line, String marker) {
    int at = line.indexOf(marker);
    int open = at < 0 ? -1 : line.indexOf('[', at + marker.length());
    int close = open < 0 ? -1 : line.indexOf(']', open);
    return close < 0 ? null : line.substring(open + 1, close);
  }

  private String restamp(String line, Instant now) {
    long second = now.getEpochSecond();
    if (second != formattedSecond) {
      formattedSecond = second;
      formattedTime = syslogTime.format(now);
    }
    return formattedTime + line.substring(SYSLOG_TIME_CHARS);
  }

  /** The syslog time of {@code now}, as a line written now starts. */
  String syslogTime(Instant now) {
    return syslogTime.format(now);
  }
}
