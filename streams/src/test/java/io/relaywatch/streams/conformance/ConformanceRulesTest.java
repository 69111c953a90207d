package io.relaywatch.streams.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules CorpusConformanceIT scores by, checked on hand-written lines (no corpus needed). */
class ConformanceRulesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 <a@b>: Relay access denied;",
        "4F3B21C0A1: milter-reject: END-OF-MESSAGE from x[192.0.2.1]: 5.7.1 Spam",
        "NOQUEUE: reject_warning: RCPT from x[192.0.2.1]: 554 5.7.1 <a@b>: Relay access denied;",
        "H=(x) [192.0.2.1] F=<a@b> rejected RCPT <c@d>: relay not permitted",
        "ruleset=check_rcpt, arg1=<a@b>, relay=[192.0.2.1], reject=550 5.7.1 <a@b>... Relaying denied",
        "warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
        "login authenticator failed for (x) [192.0.2.1]: 535 Incorrect authentication data",
      })
  void shouldCountRejectsRelayDenialsAndSaslFailuresAsInScope(String line) {
    assertThat(CorpusConformanceIT.IN_SCOPE.matcher(line).find()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lost connection after AUTH from unknown[192.0.2.1]",
        "improper command pipelining after DATA from unknown[192.0.2.1]:",
        "s1NKIkZa093301: [192.0.2.1]: EXPN root [rejected]",
        "SMTP protocol synchronization error (input sent without waiting for greeting): rejected connection from H=[192.0.2.1]:25936",
        "disconnect from unknown[192.0.2.1] ehlo=1 auth=0/1 quit=1 commands=2/3",
      })
  void shouldLeaveProtocolNoiseOutOfScope(String line) {
    assertThat(CorpusConformanceIT.IN_SCOPE.matcher(line).find()).isFalse();
  }

  @Test
  void shouldFindTheGapCoveringALineOfItsFileOnly() {
    KnownGaps gaps =
        KnownGaps.parse(
            "# comment\nfail2ban/exim | [192.0.2.27] | journal line without a header\n");

    assertThat(gaps.find("fail2ban/exim", "... [192.0.2.27]: 535 ...").reason())
        .isEqualTo("journal line without a header");
    assertThat(gaps.find("fail2ban/postfix", "... [192.0.2.27]: 535 ...")).isNull();
  }

  @Test
  void shouldNameTheLineOfAMalformedGap() {
    assertThatThrownBy(() -> KnownGaps.parse("\nfail2ban/exim | no reason\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("file | substring | reason");
  }
}
