package io.relaywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailLogGeneratorTest {
  private static final int SAMPLE = 100_000;
  private static final Pattern HEADER =
      Pattern.compile(
          "^([A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d) mx1 postfix/[a-z/]+\\[\\d+\\]: ");
  private static final Pattern CLIENT_IP = Pattern.compile("from [^\\[ ]+\\[([0-9a-f.:]+)\\]");
  private static final DateTimeFormatter SYSLOG_TIME =
      new java.time.format.DateTimeFormatterBuilder()
          .appendPattern("MMM ppd HH:mm:ss")
          .parseDefaulting(ChronoField.YEAR, Year.of(2026).getValue())
          .toFormatter(Locale.ENGLISH);

  private static List<String> sample(long seed) {
    return new MailLogGenerator(seed, MailLogGenerator.DEFAULT_START).nextLines(SAMPLE);
  }

  @Test
  void shouldWriteTheSameLinesForTheSameSeed() {
    assertThat(sample(42)).isEqualTo(sample(42));
  }

  @Test
  void shouldWriteDifferentLinesForAnotherSeed() {
    assertThat(sample(42).subList(0, 100)).isNotEqualTo(sample(43).subList(0, 100));
  }

  @Test
  void shouldMixRejectsRelayDenialsAndSaslFailuresLikeThePeerBaseline() {
    List<String> lines = sample(7);
    assertThat(share(lines, ": reject: RCPT from ", ": reject_warning: RCPT from "))
        .isCloseTo(0.12, within(0.005));
    assertThat(share(lines, "554 5.7.1 <")).isCloseTo(0.07, within(0.004));
    assertThat(share(lines, ">: Relay access denied; from=<")).isCloseTo(0.07, within(0.004));
    assertThat(share(lines, "authentication failed: ")).isCloseTo(0.01, within(0.002));
    assertThat(share(lines, "User unknown in local recipient table")).isGreaterThan(0.015);
    assertThat(share(lines, "blocked using zen.spamhaus.org")).isGreaterThan(0.008);
    assertThat(share(lines, "Helo command rejected")).isGreaterThan(0.004);
    assertThat(share(lines, "Sender address rejected")).isGreaterThan(0.004);
    assertThat(share(lines, ": reject_warning: ")).isGreaterThan(0.002);
    assertThat(share(lines, ": client=")).isGreaterThan(0.10);
    assertThat(share(lines, ", sasl_method=PLAIN, sasl_username=")).isGreaterThan(0.015);
    assertThat(share(lines, "status=sent (")).isGreaterThan(0.10);
  }

  @Test
  void shouldStartEveryLineWithAnRfc3164HeaderAndNeverGoBackInTime() {
    LocalDateTime previous = LocalDateTime.MIN;
    for (String line : sample(3)) {
      Matcher header = HEADER.matcher(line);
      assertThat(header.find()).as(line).isTrue();
      LocalDateTime time = LocalDateTime.parse(header.group(1), SYSLOG_TIME);
      assertThat(time).as(line).isAfterOrEqualTo(previous);
      previous = time;
    }
  }

  @Test
  void shouldUseThousandsOfClientsIncludingIpv6() {
    Set<String> ips = new HashSet<>();
    for (String line : sample(5)) {
      Matcher ip = CLIENT_IP.matcher(line);
      if (ip.find()) {
        ips.add(ip.group(1));
      }
    }
    assertThat(ips).hasSizeGreaterThan(2000);
    assertThat(ips).anyMatch(ip -> ip.startsWith("2001:db8:"));
    assertThat(ips).allMatch(MailLogGeneratorTest::isDocumentationOrPrivate);
  }

  @Test
  void shouldEndAfterItStarted() {
    MailLogGenerator generator = new MailLogGenerator(1, MailLogGenerator.DEFAULT_START);
    generator.nextLines(1000);
    assertThat(generator.lastTimestamp()).isAfter(MailLogGenerator.DEFAULT_START);
    assertThat(generator.lastTimestamp()).isBefore(Instant.parse("2026-11-03T00:10:00Z"));
  }

  private static boolean isDocumentationOrPrivate(String ip) {
    return ip.startsWith("2001:db8:")
        || ip.startsWith("192.0.2.")
        || ip.startsWith("198.51.100.")
        || ip.startsWith("203.0.113.")
        || ip.startsWith("10.")
        || ip.startsWith("192.168.")
        || ip.matches("172\\.(1[6-9]|2\\d|3[01])\\..*");
  }

  private static double share(List<String> lines, String... needles) {
    long hits =
        lines.stream()
            .filter(
                line -> {
                  for (String needle : needles) {
                    if (line.contains(needle)) {
                      return true;
                    }
                  }
                  return false;
                })
            .count();
    return (double) hits / lines.size();
  }
}
