package io.relaywatch.streams.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.relaywatch.events.IpAddresses;
import io.relaywatch.events.MailEvent;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Conformance against the third-party corpus (../shared/corpus, README there). Skipped unless the
 * system property {@code relaywatch.corpus} names that folder, so the project's own tests never
 * need it. Scores go to stdout and {@code target/conformance.txt}.
 *
 * <p>fail2ban: a {@code "match": true} case is in scope when its LINE (not our parser) is a reject,
 * relay denial or SASL failure, decided by {@link #IN_SCOPE}: a Postfix action token ({@code
 * reject:}, {@code reject_warning:}, {@code milter-reject:}), Exim {@code rejected RCPT|MAIL} or
 * {@code relay not permitted}, Sendmail {@code reject=} or {@code Relaying denied}, {@code
 * authentication failed}, {@code authenticator failed}, or the word {@code SASL}.
 * Protocol-violation lines that merely say "rejected" (Exim synchronisation errors, Sendmail {@code
 * EXPN [rejected]}, pre-greeting traffic) and connection-level noise (lost connection, pipelining,
 * disconnect) are out of scope and listed in the report. In scope, the parser must yield a Parsed
 * event whose clientIp equals the case's host, both made canonical.
 */
class CorpusConformanceIT {
  /** fail2ban's frozen test clock, 2005-08-14 10:00; its sample times are local, read as UTC. */
  private static final Instant FROZEN_CLOCK = Instant.parse("2005-08-14T10:00:00Z");

  private static final List<String> FAIL2BAN_FILES = List.of("postfix", "exim", "sendmail-reject");
  private static final double FAIL2BAN_TARGET_PERCENT = 98.0;

  static final Pattern IN_SCOPE =
      Pattern.compile(
          "\\b(?:reject|reject_warning|milter-reject): "
              + "|rejected (?:RCPT|MAIL)\\b|relay not permitted"
              + "|\\breject=|Relaying denied"
              + "|authentication failed|authenticator failed|\\bSASL\\b",
          Pattern.CASE_INSENSITIVE);

  /** A line that starts with a timestamp a header parser could know (ISO date or "Mon dd"). */
  private static final Pattern STARTS_WITH_TIME =
      Pattern.compile("^(?:<\\d+>)?(?:\\d{4}-\\d\\d-\\d\\d|[A-Z][a-z]{2} +\\d)");

  private final MailLogParser parser = MailLogParser.create(ZoneOffset.UTC);
  private final List<String> outOfScope = new ArrayList<>();

  @Test
  void shouldAgreeWithTheFail2banAndGrokCorpusCases() throws IOException {
    String property = System.getProperty("relaywatch.corpus");
    assumeTrue(
        property != null && Files.isDirectory(Path.of(property)),
        "corpus conformance skipped: set -Drelaywatch.corpus=<dir> (e.g. ../shared/corpus); got "
            + property);
    Path corpus = Path.of(property);
    KnownGaps gaps = KnownGaps.load();

    List<String> report = new ArrayList<>();
    Score fail2ban = new Score("fail2ban overall");
    List<Fail2banCases.Case> allCases = new ArrayList<>();
    for (String file : FAIL2BAN_FILES) {
      List<Fail2banCases.Case> cases = Fail2banCases.read(corpus, file);
      allCases.addAll(cases);
      Score score = checkFail2ban(file, cases);
      report.add(score.toString());
      fail2ban.add(score);
    }
    report.add(fail2ban + " [target " + FAIL2BAN_TARGET_PERCENT + "%]");
    GrokConformance grok = new GrokConformance(parser);
    Score grokScore = grok.check(GrokCases.readSmtpdAndPostscreen(corpus));
    report.add(grokScore.toString());

    List<Score.Miss> misses = new ArrayList<>(fail2ban.misses());
    misses.addAll(grokScore.misses());
    List<String> unlisted = describeMisses(misses, gaps, report);
    checkGapsAreUniqueAndUsed(gaps, allCases, misses, report);
    report.add("");
    report.add(
        "out of scope (fail2ban match:true, not a reject, relay denial or SASL failure): "
            + outOfScope.size());
    outOfScope.forEach(l -> report.add("  " + l));
    report.add("not checked: grok captures " + grok.uncheckedCaptures());
    write(report);

    assertTrue(
        fail2ban.percent() >= FAIL2BAN_TARGET_PERCENT,
        fail2ban
            + " is below the "
            + FAIL2BAN_TARGET_PERCENT
            + "% target; see target/conformance.txt");
    assertTrue(
        unlisted.isEmpty(),
        unlisted.size()
            + " misses are not in src/test/resources/conformance/known-gaps.txt:\n"
            + String.join("\n", unlisted));
  }

  private Score checkFail2ban(String file, List<Fail2banCases.Case> cases) {
    Score score = new Score("fail2ban " + file);
    for (Fail2banCases.Case c : cases) {
      if (!IN_SCOPE.matcher(c.line()).find()) {
        outOfScope.add(c.file() + ":" + c.lineNumber() + " " + c.line());
        continue;
      }
      String line = c.line();
      if (c.journal() && !STARTS_WITH_TIME.matcher(line).find()) {
        // journal-mode samples are "host prog[pid]: msg" without a time; give them the frozen
        // clock's.
        line = "Aug 14 10:00:00 " + line;
      }
      String problem = clientIpProblem(parser.parse(line, FROZEN_CLOCK), c.host());
      if (problem == null) {
        score.pass();
      } else {
        score.miss(new Score.Miss(c.file(), c.file() + ":" + c.lineNumber(), c.line(), problem));
      }
    }
    return score;
  }

  /** Null when the result is a Parsed event for this host; else what is wrong. */
  private static String clientIpProblem(ParseResult result, String host) {
    if (!(result instanceof ParseResult.Parsed parsed)) {
      return "expected an event for " + host + ", got " + result;
    }
    MailEvent event = parsed.event();
    String want = IpAddresses.canonical(host);
    String got = IpAddresses.canonical(event.clientIp());
    if (want == null || !want.equals(got)) {
      return "clientIp " + event.clientIp() + " (" + event.type() + "), expected " + host;
    }
    return null;
  }

  private static List<String> describeMisses(
      List<Score.Miss> misses, KnownGaps gaps, List<String> report) {
    List<String> unlisted = new ArrayList<>();
    report.add("");
    report.add("misses: " + misses.size());
    for (Score.Miss miss : misses) {
      KnownGaps.Gap gap = gaps.find(miss.file(), miss.line());
      String text = miss.where() + " " + miss.line() + "\n      -> " + miss.problem();
      report.add(
          "  " + (gap == null ? "[NOT LISTED] " : "[known gap: " + gap.reason() + "] ") + text);
      if (gap == null) {
        unlisted.add(text);
      }
    }
    return unlisted;
  }

  /** A gap must name exactly one distinct corpus line; one that no longer misses is reported. */
  private static void checkGapsAreUniqueAndUsed(
      KnownGaps gaps,
      List<Fail2banCases.Case> cases,
      List<Score.Miss> misses,
      List<String> report) {
    for (KnownGaps.Gap gap : gaps.all()) {
      Set<String> lines = new LinkedHashSet<>();
      cases.stream().filter(c -> gap.covers(c.file(), c.line())).forEach(c -> lines.add(c.line()));
      misses.stream().filter(m -> gap.covers(m.file(), m.line())).forEach(m -> lines.add(m.line()));
      if (lines.size() > 1) {
        throw new IllegalStateException(
            "known-gaps.txt: '"
                + gap.substring()
                + "' is not unique in "
                + gap.file()
                + ": "
                + lines);
      }
      if (misses.stream().noneMatch(m -> gap.covers(m.file(), m.line()))) {
        report.add("  [fixed, remove from known-gaps.txt] " + gap.file() + " | " + gap.substring());
      }
    }
  }

  private static void write(List<String> report) throws IOException {
    String text = String.join("\n", report) + "\n";
    System.out.print(text);
    Path out = Path.of("target", "conformance.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }
}
