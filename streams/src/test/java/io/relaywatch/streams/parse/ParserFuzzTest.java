package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.relaywatch.events.JsonSerde;
import io.relaywatch.events.MailEvent;
import io.relaywatch.streams.topology.BinaryMailEventSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of the parser (Jazzer). In an ordinary build it replays the inputs under
 * {@code ParserFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it mutates them for {@code maxDuration}
 * ({@code .ci/run} does). Beyond "never throws", each input is held to what the pipeline relies on:
 * no line reaches the parser's last-resort catch, the byte prefilter the report and shipper use
 * never drops a line the parser recognises, and every event survives both wire formats unchanged.
 * The slowest input is printed, with its median time over many replays; speed is the JMH
 * benchmarks' business, so here only a hang fails (libFuzzer's per-input timeout, which {@code
 * .ci/run} sets).
 */
class ParserFuzzTest {
  private static final MailLogParser PARSER = MailLogParser.create(ZoneOffset.UTC);
  private static final MailLogParser REPORT_PARSER = MailLogParser.withoutMessages(ZoneOffset.UTC);
  private static final Instant REFERENCE = Instant.parse("2026-11-28T12:00:00Z");
  private static final JsonSerde<MailEvent> JSON = new JsonSerde<>(MailEvent.class);
  private static final BinaryMailEventSerde BINARY = new BinaryMailEventSerde();
  private static final SlowestInput SLOWEST = new SlowestInput();
  private static final int REPLAYS = 1001;

  static {
    // The first line of each MTA loads and compiles its patterns; that is start-up, not a slow
    // line.
    for (String warmUp : WarmUpLines.ALL) {
      PARSER.parse(warmUp, REFERENCE);
      REPORT_PARSER.parse(warmUp, REFERENCE);
    }
  }

  @FuzzTest(maxDuration = "60s")
  @DictionaryEntries({
    "postfix/smtpd[",
    "postfix/submission/smtpd[",
    "postfix/postscreen[",
    "postfix-in/smtpd[",
    "exim[",
    "sm-mta[",
    "sendmail[",
    "]: ",
    "NOQUEUE: reject: RCPT from ",
    "reject_warning: ",
    "milter-reject: END-OF-MESSAGE from ",
    "unknown[192.0.2.7]:25: ",
    "[2001:db8::1]",
    "554 5.7.1 <a@b.example>: Relay access denied; ",
    "from=<x@example.net> to=<a@b.example> proto=ESMTP helo=<probe>",
    ", sasl_method=PLAIN, sasl_username=joe",
    "warning: unknown[192.0.2.7]: SASL LOGIN authentication failed: ",
    "SASL: Connect to Dovecot auth socket 'private/auth' failed",
    "disconnect from unknown[192.0.2.7] ehlo=1 auth=0/1 mail=1 rcpt=0/1 quit=1 commands=3/5",
    "connect from ",
    "client=unknown[192.0.2.7]",
    "status=sent",
    "removed",
    "rejected RCPT <r@z>: relay not permitted",
    "H=mail.example (helo) [192.0.2.7]:25 ",
    "ruleset=check_rcpt, arg1=<r@z>, relay=h [192.0.2.7], reject=550 5.7.1 <r@z>... Relaying denied",
    "authenticator failed for ",
    "Nov  3 10:33:27 mx1 ",
    "2026-11-03T10:33:27.123+01:00 mx1 ",
    "2026-06-29 15:33:46 [12] ",
    "<34>1 2026-11-03T10:33:27Z mx1 ",
    "[ID 123 mail.info] "
  })
  void shouldKeepEveryParserPromiseForAnyLine(byte[] input) {
    String line = new String(input, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    ParseResult result = PARSER.parse(line, REFERENCE);
    ParseResult reportResult = REPORT_PARSER.parse(line, REFERENCE);
    SLOWEST.offer(System.nanoTime() - start, line);

    assertThat(result).as(line).isNotNull();
    assertThat(reportResult).as(line).isNotNull();
    assertNoParserError(result, line);
    assertNoParserError(reportResult, line);
    if (result instanceof ParseResult.Parsed parsed) {
      byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
      assertThat(PARSER.mayBeRelevant(utf8, 0, utf8.length))
          .as("byte prefilter dropped a recognised line: %s", line)
          .isTrue();
      assertSurvivesTheWire(parsed.event());
    }
  }

  @AfterAll
  static void reportSlowestInput() throws IOException {
    String slowest = SLOWEST.slowestInput();
    System.out.println("relaywatch measured: parser fuzzing, " + SLOWEST);
    System.out.printf(
        "relaywatch measured: slowest line replayed %d times: median %.1f us%n",
        REPLAYS, medianMicros(slowest));
    // Kept whole so a slow line can be replayed under the JMH worst-case benchmark.
    Files.writeString(
        Path.of("target", "parser-fuzz-slowest-line.txt"), slowest, StandardCharsets.UTF_8);
  }

  /**
   * The first timing of an input includes JIT compilation, GC and, while fuzzing, coverage
   * instrumentation; replaying it tells a slow line from a slow moment.
   */
  private static double medianMicros(String line) {
    long[] nanos = new long[REPLAYS];
    for (int i = 0; i < REPLAYS; i++) {
      long start = System.nanoTime();
      PARSER.parse(line, REFERENCE);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[REPLAYS / 2] / 1e3;
  }

  private static void assertNoParserError(ParseResult result, String line) {
    if (result instanceof ParseResult.Unparsed unparsed) {
      assertThat(unparsed.reason()).as(line).isNotEqualTo(UnparsedReasons.PARSER_ERROR);
    }
  }

  private static void assertSurvivesTheWire(MailEvent event) {
    byte[] json = JSON.serializer().serialize("t", event);
    assertThat(JSON.deserializer().deserialize("t", json)).isEqualTo(event);
    byte[] binary = BINARY.serializer().serialize("t", event);
    assertThat(BINARY.deserializer().deserialize("t", binary)).isEqualTo(event);
  }
}
