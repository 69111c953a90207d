package io.relaywatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.InternalNetworks;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuietBackgroundTest {
  private static final String HEAD = "Nov  3 10:33:27 mx1 ";
  private final QuietBackground background = new QuietBackground(1, ZoneOffset.UTC);

  @Test
  void shouldKeepRelayDenialsOfInternalClientsOnly() {
    String internal =
        HEAD
            + "postfix/smtpd[10003]: NOQUEUE: reject: RCPT from unknown[10.1.2.3]: 554 5.7.1"
            + " <a@shop1.test>: Relay access denied; from=<b@news2.test> to=<a@shop1.test>"
            + " proto=ESMTP helo=<a>";

    assertThat(background.isQuiet(internal)).isTrue();
    assertThat(background.isQuiet(internal.replace("10.1.2.3", "203.0.113.9"))).isFalse();
    assertThat(background.isQuiet(internal.replace("[10.1.2.3]", "[2001:db8:1:2::3]:4567")))
        .isFalse();
  }

  @Test
  void shouldKeepSaslFailuresAndFailedAuthSessionsOfOutsideClientsOnly() {
    String failure =
        HEAD
            + "postfix/smtpd[10003]: warning: unknown[198.51.100.7]: SASL LOGIN authentication"
            + " failed: UGFzc3dvcmQ6";
    String disconnect =
        HEAD
            + "postfix/smtpd[10002]: disconnect from unknown[198.51.100.7] ehlo=1 auth=0/1 quit=1"
            + " commands=2/3";

    assertThat(background.isQuiet(failure)).isTrue();
    assertThat(background.isQuiet(failure.replace("198.51.100.7", "192.168.4.5"))).isFalse();
    assertThat(background.isQuiet(disconnect)).isTrue();
    assertThat(background.isQuiet(disconnect.replace("198.51.100.7", "172.20.1.1"))).isFalse();
  }

  @Test
  void shouldKeepUnauthenticatedMessagesOfInternalClientsOnly() {
    String client = HEAD + "postfix/smtpd[10001]: 1A2B3C4D5E: client=unknown[192.0.2.44]";
    String authenticated =
        HEAD
            + "postfix/submission/smtpd[20001]: 1A2B3C4D5F: client=unknown[192.0.2.44],"
            + " sasl_method=PLAIN, sasl_username=alice@example.com";

    assertThat(background.isQuiet(client)).isFalse();
    assertThat(background.isQuiet(client.replace("192.0.2.44", "10.9.9.9"))).isTrue();
    assertThat(background.isQuiet(authenticated)).isTrue();
  }

  @Test
  void shouldWriteNoEvidenceForAVerdictInALongStretch() {
    InternalNetworks internal = InternalNetworks.defaults();
    Instant now = Instant.parse("2026-11-28T17:00:05Z");
    int relayDenials = 0;
    for (int i = 0; i < 50_000; i++) {
      String line = background.nextLine(now);
      assertThat(line).startsWith("Nov 28 17:00:05 mx1 postfix/");
      if (line.contains("Relay access denied")) {
        relayDenials++;
        assertThat(internal.contains(QuietBackground.clientIp(line, "RCPT from "))).isTrue();
      }
      if (line.contains("authentication failed")) {
        assertThat(internal.contains(QuietBackground.clientIp(line, "warning: "))).isFalse();
      }
    }
    // The relay denials that remain are the internal clients' share of the generator's 7%.
    assertThat(relayDenials).isBetween(50_000 * 2 / 100, 50_000 * 7 / 100);
  }

  @Test
  void shouldFindTheClientAfterTheMarkerNotThePid() {
    assertThat(
            QuietBackground.clientIp(
                "postfix/smtpd[10003]: connect from mail1.example.com[10.0.0.1]", "connect from "))
        .isEqualTo("10.0.0.1");
    assertThat(QuietBackground.clientIp("postfix/smtpd[10003]: something", "connect from "))
        .isNull();
  }
}
