package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated lines with fixed seeds: the parser must answer every one without throwing. The
 * timeout only catches a hang (catastrophic backtracking); speed is measured by the JMH benchmark.
 */
class ParserRobustnessTest {
  private static final MailLogParser PARSER = MailLogParser.create(ZoneOffset.UTC);
  private static final Instant REFERENCE = Instant.parse("2026-11-28T12:00:00Z");
  private static final int LINES_PER_SEED = 20_000;
  private static final List<String> SEEDS =
      List.of(
          "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]:25: 554 5.7.1 <a@b.example>: Relay access denied; from=<x@example.net> to=<a@b.example> proto=ESMTP helo=<probe>",
          "2026-11-03T10:33:27.123+01:00 mx1 postfix/submission/smtpd[9]: warning: unknown[2001:db8::1]: SASL PLAIN authentication failed: authentication failure, sasl_username=joe",
          "Nov  3 10:33:27 mx1 postfix/smtpd[1234]: disconnect from unknown[192.0.2.7] ehlo=1 auth=0/1 mail=1 rcpt=0/1 quit=1 commands=3/5",
          "2026-06-29 15:33:46 [12] H=mail.example (helo) [192.0.2.7]:25 I=[198.51.100.1]:25 F=<x@y> rejected RCPT <r@z>: relay not permitted",
          "Nov  3 10:33:27 mx1 sm-mta[1]: x1234567890: ruleset=check_rcpt, arg1=<r@z>, relay=h [192.0.2.7] (may be forged), reject=550 5.7.1 <r@z>... Relaying denied",
          "<34>1 2026-11-03T10:33:27Z mx1 postfix/postscreen 1 - [a b=\"c\"] NOQUEUE: reject: RCPT from [192.0.2.7]:1: 550 5.7.1 Service unavailable; client [192.0.2.7] blocked using zen; from=<>, to=<a@b>, proto=ESMTP, helo=<x>");
  private static final String NASTY = " []<>:;,=()/\\\"'@.-_0123456789\t\u0000\u00ff\ufffd\u202e";

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void shouldAnswerEveryMutatedLineWithoutThrowing(long seed) {
    Random random = new Random(seed);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < LINES_PER_SEED; i++) {
            String line = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            assertThat(PARSER.parse(line, REFERENCE)).as(line).isNotNull();
          }
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8, 9})
  void shouldAnswerRandomBytesDecodedWithReplacementWithoutThrowing(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < LINES_PER_SEED; i++) {
      byte[] bytes = new byte[random.nextInt(400)];
      random.nextBytes(bytes);
      String line = decode(bytes);
      assertThat(PARSER.parse(line, REFERENCE)).isNotNull();
    }
  }

  @Test
  void shouldRefuseOverlongLinesBeforeAnyPatternAndKeepTheirStart() {
    String line = SEEDS.get(0) + "x".repeat(1024 * 1024);

    ParseResult result = PARSER.parse(line, REFERENCE);

    assertThat(result).isInstanceOf(ParseResult.Unparsed.class);
    ParseResult.Unparsed unparsed = (ParseResult.Unparsed) result;
    assertThat(unparsed.reason()).isEqualTo(UnparsedReasons.TOO_LONG);
    assertThat(unparsed.raw()).startsWith(SEEDS.get(0)).hasSize(MailLogParser.TOO_LONG_KEPT_CHARS);
  }

  @Test
  void shouldParseALineWithInvalidUtf8InItsAddresses() {
    byte[] prefix = SEEDS.get(0).substring(0, 120).getBytes(StandardCharsets.UTF_8);
    byte[] rest =
        SEEDS
            .get(0)
            .substring(120)
            .replace("x@example", "x\u0001@exa")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[prefix.length + 2 + rest.length];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    bytes[prefix.length] = (byte) 0xc3; // a lone lead byte, then an invalid continuation
    bytes[prefix.length + 1] = (byte) 0x28;
    System.arraycopy(rest, 0, bytes, prefix.length + 2, rest.length);

    ParseResult result = PARSER.parse(decode(bytes), REFERENCE);

    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    assertThat(((ParseResult.Parsed) result).event().clientIp()).isEqualTo("192.0.2.7");
  }

  private static String mutate(String line, Random random) {
    StringBuilder sb = new StringBuilder(line);
    int edits = 1 + random.nextInt(6);
    for (int e = 0; e < edits && !sb.isEmpty(); e++) {
      int at = random.nextInt(sb.length());
      switch (random.nextInt(5)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
        case 2 -> sb.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
        case 3 ->
            sb.insert(
                at,
                String.valueOf(NASTY.charAt(random.nextInt(NASTY.length())))
                    .repeat(1 + random.nextInt(5000)));
        default -> sb.insert(at, sb.substring(random.nextInt(sb.length()), sb.length()));
      }
    }
    return sb.toString();
  }

  private static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AssertionError(e);
    }
  }
}
