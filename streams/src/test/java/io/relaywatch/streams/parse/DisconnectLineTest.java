package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisconnectLineTest {
  private static final CompiledPattern GROK = GrokPatterns.load().compile("POSTFIX_DISCONNECT");
  private static final String[] FRAGMENTS = {
    "disconnect from ",
    "unknown",
    "mail.example.org",
    "[",
    "]",
    "192.0.2.7",
    "2001:db8::1",
    "IPv6:2001:db8::1",
    ":",
    "25",
    "0",
    " ",
    "  ",
    "ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
    "\t",
    "\r",
    "\n",
    "\u0085",
    "\u2028",
    "\u2029",
    "\u000b",
    "\f",
    "\u00a0",
    "x".repeat(64),
    "y".repeat(65),
    "=",
    "/",
    "a",
  };

  @Test
  void shouldImplementTheGrokPatternAsItIsToday() {
    // When this fails, POSTFIX_DISCONNECT changed: change DisconnectLine to match, then this text.
    assertThat(GROK.regex())
        .isEqualTo(
            "(?:^disconnect from (?:(?<name2>[^\\s\\[\\]]*)\\[(?<name3>[^\\]\\s]{1,64})\\]"
                + "(?::(?<name4>[0-9]+))?)(?: (?<name5>.*))?$)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "disconnect from unknown[192.0.2.7] ehlo=1 auth=0/1 quit=1 commands=2/3",
        "disconnect from [192.0.2.7]",
        "disconnect from mx[2001:db8::1]:25 ",
        "disconnect from a[b[c] x",
        "disconnect from a[b]:",
        "disconnect from a[b]x",
        "disconnect from a[] x",
        "disconnect from a b[c] x",
        "disconnect from a[b] x\ry",
        "disconnect from a[b]:12x",
      })
  void shouldAgreeWithTheGrokPatternOnEdgeCases(String body) {
    assertSameAsGrok(body);
  }

  @Test
  void shouldAgreeWithTheGrokPatternOnGeneratedBodies() {
    Random random = new Random(20261128);
    int matched = 0;
    for (int i = 0; i < 200_000; i++) {
      String body = random.nextBoolean() ? shaped(random) : fragments(random, 8);
      matched += assertSameAsGrok(body) ? 1 : 0;
    }
    assertThat(matched).isGreaterThan(10_000);
  }

  /** Mostly well-formed: host, bracketed address, maybe a port, maybe counters, each perturbed. */
  private static String shaped(Random random) {
    return "disconnect from "
        + fragments(random, 2)
        + "["
        + fragments(random, 2)
        + "]"
        + (random.nextBoolean() ? ":" + fragments(random, 1) : "")
        + (random.nextBoolean() ? " " + fragments(random, 3) : "");
  }

  private static String fragments(Random random, int max) {
    StringBuilder text = new StringBuilder();
    int parts = random.nextInt(max + 1);
    for (int p = 0; p < parts; p++) {
      text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return text.toString();
  }

  private static boolean assertSameAsGrok(String body) {
    CompiledPattern.Captures expected = GROK.match(body);
    DisconnectLine actual = DisconnectLine.match(body);
    if (expected == null) {
      assertThat(actual).as(body).isNull();
      return false;
    }
    assertThat(actual).as(body).isNotNull();
    assertThat(actual.clientHost()).as(body).isEqualTo(expected.get("clientHost"));
    assertThat(actual.clientIp()).as(body).isEqualTo(expected.get("clientIp"));
    assertThat(actual.clientPort()).as(body).isEqualTo(expected.get("clientPort"));
    assertThat(actual.counters()).as(body).isEqualTo(expected.get("counters"));
    return true;
  }
}
