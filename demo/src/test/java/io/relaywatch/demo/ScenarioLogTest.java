package io.relaywatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLogTest {
  private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
  private final MailLogParser parser = MailLogParser.create(ZoneOffset.UTC);

  private List<ParseResult> parseRounds(int sessions) {
    ScenarioLog log = new ScenarioLog(7);
    List<ParseResult> results = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      for (String line : log.next(START.plus(Duration.ofSeconds(i)))) {
        results.add(parser.parse(line, START));
      }
    }
    return results;
  }

  private static List<MailEvent> events(List<ParseResult> results) {
    return results.stream()
        .filter(r -> r instanceof ParseResult.Parsed)
        .map(r -> ((ParseResult.Parsed) r).event())
        .toList();
  }

  @Test
  void shouldWriteOnlyLinesTheParserUnderstands() {
    List<ParseResult> results = parseRounds(64);

    assertThat(results).noneMatch(r -> r instanceof ParseResult.Unparsed);
  }

  @Test
  void shouldPlayEveryScenarioWithinTheFirstSixteenSessions() {
    List<MailEvent> events = events(parseRounds(16));

    assertThat(events)
        .anyMatch(e -> e.isRelayDenial() && ScenarioLog.APP_SERVER.equals(e.clientIp()))
        .anyMatch(e -> e.isRelayDenial() && ScenarioLog.PROBER.equals(e.clientIp()))
        .anyMatch(
            e ->
                e.type() == EventType.SASL_AUTH_FAILED
                    && ScenarioLog.WRONG_PASSWORD.equals(e.clientIp()))
        .anyMatch(e -> e.type() == EventType.SASL_BACKEND_UNAVAILABLE)
        .anyMatch(
            e -> e.type() == EventType.SASL_LOGIN && ScenarioLog.GOOD_CLIENT.equals(e.clientIp()));
  }

  @Test
  void shouldStampEveryLineWithTheRequestedTime() {
    Instant at = Instant.parse("2026-11-28T10:15:30.250Z");

    List<String> lines = new ScenarioLog(1).next(at);

    assertThat(lines)
        .allSatisfy(l -> assertThat(l).startsWith("2026-11-28T10:15:30.250000+00:00 mx1 "));
  }

  @Test
  void shouldBeDeterministicForASeed() {
    ScenarioLog a = new ScenarioLog(42);
    ScenarioLog b = new ScenarioLog(42);
    for (int i = 0; i < 20; i++) {
      assertThat(a.next(START)).isEqualTo(b.next(START));
    }
  }
}
