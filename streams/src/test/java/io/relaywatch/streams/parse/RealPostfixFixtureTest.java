package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.relaywatch.events.Json;
import io.relaywatch.events.MailEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the parser against lines a real Postfix wrote (made by {@code
 * scripts/capture-postfix-fixtures.sh}); {@code expected.yaml} beside {@code mail.log} says which
 * event each interesting line must give.
 */
class RealPostfixFixtureTest {
  private static final String FOLDER = "/fixtures/postfix-real/";
  private static final DateTimeFormatter SYSLOG_HEADER =
      new DateTimeFormatterBuilder()
          .appendPattern("MMM ppd HH:mm:ss")
          .parseDefaulting(ChronoField.YEAR, 2000)
          .toFormatter(Locale.ENGLISH);

  private static final List<String> LINES = readLines();
  private static final Expectations EXPECTED = readExpectations();
  private static final MailLogParser PARSER = MailLogParser.create(ZoneId.of(EXPECTED.zone()));

  /** The shape of expected.yaml. */
  record Expectations(
      Instant reference,
      String zone,
      ObjectNode common,
      List<EventCase> events,
      List<IgnoredCase> ignored) {}

  record EventCase(String scenario, String line, ObjectNode expect) {}

  record IgnoredCase(String scenario, String line) {}

  @TestFactory
  Stream<DynamicTest> shouldYieldTheExpectedEventForEachInterestingLine() {
    return EXPECTED.events().stream()
        .map(c -> DynamicTest.dynamicTest(c.scenario() + ": " + c.line(), () -> check(c)));
  }

  @TestFactory
  Stream<DynamicTest> shouldIgnoreOrdinaryLines() {
    return EXPECTED.ignored().stream()
        .map(c -> DynamicTest.dynamicTest(c.scenario() + ": " + c.line(), () -> checkIgnored(c)));
  }

  @Test
  void shouldLeaveNoCapturedLineUnparsed() {
    List<String> unparsed = new ArrayList<>();
    for (String line : LINES) {
      if (parse(line) instanceof ParseResult.Unparsed u) {
        unparsed.add(u.reason() + ": " + line);
      }
    }
    assertThat(unparsed).as("lines the parser could not read").isEmpty();
  }

  private static void check(EventCase c) {
    String line = onlyLineContaining(c.line());
    ParseResult result = parse(line);
    assertThat(result).as(line).isInstanceOf(ParseResult.Parsed.class);
    MailEvent event = ((ParseResult.Parsed) result).event();

    ObjectNode expected = EXPECTED.common().deepCopy().setAll(c.expect());
    List<String> mismatches = new ArrayList<>();
    compare("", expected, Json.mapper().valueToTree(event), mismatches);
    assertThat(mismatches).as("fields of the event from %s", line).isEmpty();
    assertThat(event.timestamp().toInstant())
        .as("timestamp of " + line)
        .isEqualTo(headerTime(line));
    assertThat(event.raw()).isEqualTo(line);
  }

  private static void checkIgnored(IgnoredCase c) {
    List<String> lines = linesContaining(c.line());
    assertThat(lines).as("lines containing '%s'", c.line()).isNotEmpty();
    for (String line : lines) {
      assertThat(parse(line)).as(line).isInstanceOf(ParseResult.Ignored.class);
    }
  }

  /** Adds a message for every field of {@code expected} that {@code actual} lacks or differs in. */
  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject()) {
      if (actual == null || !actual.isObject()) {
        out.add(path + ": expected an object like " + expected + " but was " + actual);
        return;
      }
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        compare(child, field.getValue(), actual.get(field.getKey()), out);
      }
    } else if (!sameValue(expected, actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (actual == null) {
      return expected.isNull();
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }

  /** The line's RFC 3164 header read in the fixture's zone, in the year of the reference. */
  private static Instant headerTime(String line) {
    LocalDateTime noYear = LocalDateTime.parse(line.substring(0, 15), SYSLOG_HEADER);
    ZoneId zone = ZoneId.of(EXPECTED.zone());
    int year = EXPECTED.reference().atZone(zone).getYear();
    assertThat(MonthDay.from(noYear).isValidYear(year)).isTrue();
    return noYear.withYear(year).atZone(zone).toInstant();
  }

  private static ParseResult parse(String line) {
    return PARSER.parse(line, EXPECTED.reference());
  }

  private static String onlyLineContaining(String fragment) {
    List<String> lines = linesContaining(fragment);
    assertThat(lines).as("lines of mail.log containing '%s'", fragment).hasSize(1);
    return lines.get(0);
  }

  private static List<String> linesContaining(String fragment) {
    return LINES.stream().filter(l -> l.contains(fragment)).toList();
  }

  private static List<String> readLines() {
    return resource("mail.log").lines().toList();
  }

  private static Expectations readExpectations() {
    try {
      return new YAMLMapper()
          .findAndRegisterModules()
          .readValue(resource("expected.yaml"), Expectations.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + "expected.yaml", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = RealPostfixFixtureTest.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + name, e);
    }
  }
}
