package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefilterTest {
  private static final String[] FRAGMENTS = {
    "reject",
    "rejec",
    "Relaying denied",
    "Relaying denie",
    "SASL",
    "SAS",
    "sasl",
    "sas",
    "uthentica",
    "uthentic",
    "disconnect from ",
    "disconnect from",
    "warning: ",
    "warning:",
    "r",
    "R",
    "S",
    "s",
    "u",
    "d",
    "w",
    " ",
    "x",
    "\u00e9",
    "\uFFFD",
    "postfix/smtpd[1]: ",
    "client=",
    "client",
    "nrcpt=",
    "nrcpt",
    ", status=",
    ", status",
    ": removed",
    ": remove",
    "c",
    "n",
    ",",
    ":",
  };

  /** The definition the one-pass scan must keep: eleven {@code contains}. */
  private static boolean byContains(String line) {
    return Prefilter.hasRejectKeyword(line)
        || Prefilter.hasAuthKeyword(line)
        || line.contains("disconnect from ")
        || line.contains("warning: ")
        || line.contains("client=")
        || line.contains("nrcpt=")
        || line.contains(", status=")
        || line.contains(": removed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reject",
        "xRelaying denied",
        "SASL",
        "a sasl",
        "Authentication",
        "disconnect from x",
        "warning: ",
        "Nov  3 postfix/smtpd[1]: NOQUEUE: reject: RCPT",
        "4F3B21C0A1: client=x[192.0.2.1]",
        "4F3B21C0A1: from=<a@b>, size=1, nrcpt=1 (queue active)",
        "4F3B21C0A1: to=<a@b>, relay=none, dsn=2.0.0, status=sent",
        "Nov  3 qmgr: removed"
      })
  void shouldAcceptLinesWithAKeywordAnywhere(String line) {
    assertThat(Prefilter.mayBeRelevant(line)).isTrue();
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertThat(Prefilter.mayBeRelevant(bytes, 0, bytes.length)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "rej",
        "rejec",
        "disconnect from",
        "warning:",
        "SAS",
        "Nov  3 qmgr removed",
        "client",
        "status="
      })
  void shouldIgnoreLinesWithoutAKeyword(String line) {
    assertThat(Prefilter.mayBeRelevant(line)).isFalse();
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertThat(Prefilter.mayBeRelevant(bytes, 0, bytes.length)).isFalse();
  }

  @Test
  void shouldAgreeWithTheContainsDefinitionOnGeneratedLines() {
    Random random = new Random(20261128);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder line = new StringBuilder();
      int parts = random.nextInt(6);
      for (int p = 0; p < parts; p++) {
        line.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      }
      String text = line.toString();
      boolean expected = byContains(text);
      assertThat(Prefilter.mayBeRelevant(text)).as(text).isEqualTo(expected);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(Prefilter.mayBeRelevant(bytes, 0, bytes.length)).as(text).isEqualTo(expected);
      accepted += expected ? 1 : 0;
    }
    assertThat(accepted).isBetween(20_000, 180_000);
  }

  @Test
  void shouldNeverRefuseRawBytesWhoseDecodedTextIsAccepted() {
    Random random = new Random(11);
    byte[] alphabet =
        "rejctRlaying dSAsluhwn:o,=mv\u00c3\u00a9".getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 200_000; i++) {
      byte[] bytes = new byte[random.nextInt(24)];
      for (int k = 0; k < bytes.length; k++) {
        bytes[k] =
            random.nextInt(8) == 0
                ? (byte) (0x80 + random.nextInt(128))
                : alphabet[random.nextInt(alphabet.length)];
      }
      String decoded = new String(bytes, StandardCharsets.UTF_8);
      if (Prefilter.mayBeRelevant(decoded)) {
        assertThat(Prefilter.mayBeRelevant(bytes, 0, bytes.length)).as(decoded).isTrue();
      }
    }
  }

  @Test
  void shouldSkipMessageLinesOnlyWhenAskedTo() {
    String client =
        "Nov 28 11:59:56 mx postfix/submission/smtpd[2895]: 7C75E16E06A:"
            + " client=laptop.example.test[127.0.0.40], sasl_method=PLAIN, sasl_username=alice";
    String removed = "Nov 28 11:59:56 mx postfix/qmgr[2866]: 7C75E16E06A: removed";
    String reject =
        "Nov 28 11:59:55 mx postfix/smtpd[2879]: NOQUEUE: reject: RCPT from"
            + " unknown[127.0.0.66]: 554 5.7.1 <v@outside.example>: Relay access denied";

    assertThat(Prefilter.mayBeRelevant(client, true)).isTrue();
    assertThat(Prefilter.mayBeRelevant(removed, true)).isTrue();
    // client= here also carries "sasl": an AUTH keyword keeps it relevant without messages.
    assertThat(Prefilter.mayBeRelevant(client, false)).isTrue();
    assertThat(Prefilter.mayBeRelevant(removed, false)).isFalse();
    assertThat(Prefilter.mayBeRelevant(reject, false)).isTrue();
  }

  @Test
  void shouldLookOnlyBetweenTheGivenOffsets() {
    byte[] bytes = "reject|qmgr removed|warning: ".getBytes(StandardCharsets.US_ASCII);
    assertThat(Prefilter.mayBeRelevant(bytes, 7, 19)).isFalse();
    assertThat(Prefilter.mayBeRelevant(bytes, 0, 5)).isFalse();
    assertThat(Prefilter.mayBeRelevant(bytes, 0, 6)).isTrue();
  }
}
