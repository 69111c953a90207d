package io.relaywatch.bench.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peers' output as captured on a generated log (see src/test/resources/peers/README.md). */
class PeerOutputParsingTest {

  @Test
  void shouldReadOnlyRelayDenialsFromPflogsummRejectDetail() throws IOException {
    PflogsummRejectDetail.RelayDenials denials =
        PflogsummRejectDetail.parse(lines("pflogsumm.txt"));

    assertThat(denials.total()).isEqualTo(58);
    assertThat(denials.byKey().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(58);
    assertThat(denials.byKey())
        .containsEntry("192.0.2.161", 2L)
        .containsEntry("example.net", 8L)
        .doesNotContainKey("192.168.118.49") // named smtp47.example.net: counted under example.net
        .doesNotContainKey("sales@example.com"); // an unknown recipient, another reason
  }

  @Test
  void shouldStopAtTheRejectWarningSection() {
    List<String> output =
        List.of(
            "message reject detail",
            "---------------------",
            "  RCPT",
            "    Relay access denied (top 10) (total: 3)",
            "           3   192.0.2.7",
            "",
            "message reject warning detail",
            "-----------------------------",
            "  RCPT",
            "    Relay access denied (top 10) (total: 5)",
            "           5   192.0.2.8");

    PflogsummRejectDetail.RelayDenials denials = PflogsummRejectDetail.parse(output);

    assertThat(denials.byKey()).containsOnlyKeys("192.0.2.7");
    assertThat(denials.total()).isEqualTo(3);
  }

  @Test
  void shouldCountFail2banRelayDenialMatchesByItsOwnAddress() throws IOException {
    Fail2banMatches.RelayDenials matches = Fail2banMatches.parse(lines("fail2ban.txt"));

    assertThat(matches.allMatches()).isEqualTo(97); // every reject: line of the log
    assertThat(matches.byIp().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(58);
    assertThat(matches.byIp()).containsEntry("192.0.2.161", 2L).containsEntry("192.168.118.49", 2L);
  }

  @Test
  void shouldIgnoreFail2banLinesThatAreNotMatches() {
    Fail2banMatches.RelayDenials matches =
        Fail2banMatches.parse(
            List.of(
                "Use   failregex filter file : postfix, basedir: /etc/fail2ban",
                "2001:db8::1 Nov  3 00:00:01 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from"
                    + " unknown[2001:db8::1]: 554 5.7.1 <a@b.example>: Relay access denied;",
                "192.0.2.9 Nov  3 00:00:02 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from"
                    + " unknown[192.0.2.9]: 550 5.1.1 <a@b.example>: Recipient address rejected"));

    assertThat(matches.byIp()).containsOnlyKeys("2001:db8::1");
    assertThat(matches.allMatches()).isEqualTo(2);
  }

  @Test
  void shouldReadEveryClientOfTheRelaywatchReport() throws IOException {
    RelaywatchReport.RelayDenials report =
        RelaywatchReport.parse(String.join("\n", lines("relaywatch-report.json")));

    assertThat(report.total()).isEqualTo(58);
    assertThat(report.approximate()).isFalse();
    assertThat(report.byIp().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(58);
    assertThat(report.byIp()).containsEntry("192.168.118.49", 2L);
  }

  @Test
  void shouldFindBothPeersInAgreementOnTheCapturedSample() throws IOException {
    RelaywatchReport.RelayDenials ours =
        RelaywatchReport.parse(String.join("\n", lines("relaywatch-report.json")));

    TopAgreement pflogsumm = PeerAgreement.withPflogsumm(ours, lines("pflogsumm.txt"), 10);
    TopAgreement fail2ban = PeerAgreement.withFail2ban(ours, lines("fail2ban.txt"), 10);

    assertThat(pflogsumm.agrees()).as(pflogsumm.differences().toString()).isTrue();
    assertThat(fail2ban.agrees()).as(fail2ban.differences().toString()).isTrue();
    assertThat(fail2ban.line())
        .startsWith("fail2ban-regex: top-10 agree: 10/10, counts equal: 10/10;");
  }

  static List<String> lines(String name) throws IOException {
    try (InputStream in = PeerOutputParsingTest.class.getResourceAsStream("/peers/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
