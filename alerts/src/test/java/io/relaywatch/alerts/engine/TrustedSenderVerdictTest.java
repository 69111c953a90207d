package io.relaywatch.alerts.engine;

import static io.relaywatch.alerts.engine.Clients.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Finding;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code trusted_sender_not_in_mynetworks}: the one verdict whose fix touches mynetworks. */
class TrustedSenderVerdictTest {
  private static final String MYNETWORKS = "127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128";

  private static Clients appServer(String ip) {
    return client(ip)
        .denials(12)
        .to("gmail.com", "outlook.com")
        .localSenders(12)
        .on("smtpd")
        .neverTriedAuth(12)
        .line(
            "Nov 28 09:00:01 mail postfix/smtpd[4242]: NOQUEUE: reject: RCPT from app1["
                + ip
                + "]: 554 5.7.1 <someone@gmail.com>: Relay access denied; from=<noreply@example.org>"
                + " to=<someone@gmail.com> proto=ESMTP helo=<app1>");
  }

  private static Finding only(VerdictConfig config, Clients client) {
    List<Finding> findings = VerdictEngine.create(config).evaluate(client.build());
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  @Test
  void shouldProposeASingleHostAddedToTheConfiguredMynetworks() {
    Finding finding = only(Sites.withMynetworks(MYNETWORKS), appServer("10.1.2.3"));

    assertThat(finding.verdict()).isEqualTo(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
    assertThat(finding.clientIp()).isEqualTo("10.1.2.3");
    assertThat(finding.count()).isEqualTo(12);
    assertThat(finding.fix().postfix())
        .containsExactly(
            "postconf -e 'mynetworks = " + MYNETWORKS + " 10.1.2.3/32'",
            "postfix check && postfix reload");
    assertThat(finding.evidence()).hasSize(1);
  }

  @Test
  void shouldOfferPort587WithDjangoSettingsAsTheAlternative() {
    Finding finding = only(Sites.withMynetworks(MYNETWORKS), appServer("10.1.2.3"));

    assertThat(finding.fix().client())
        .contains("EMAIL_PORT = 587", "EMAIL_USE_TLS = True", "EMAIL_HOST_USER = 'USER'");
  }

  @Test
  void shouldAskForTheCurrentValueWhenMynetworksIsNotConfigured() {
    Finding finding = only(Sites.site(), appServer("10.1.2.3"));

    assertThat(finding.fix().postfix().get(0)).isEqualTo("postconf -h mynetworks");
    assertThat(finding.fix().postfix().get(1))
        .startsWith("postconf -e 'mynetworks = CURRENT 10.1.2.3/32'");
    assertThat(finding.fix().summary()).contains("replace CURRENT");
  }

  @Test
  void shouldProposeA128ForAnIpv6Client() {
    Finding finding = only(Sites.withMynetworks(MYNETWORKS), appServer("fd00:0:0:0:0:0:0:25"));

    assertThat(finding.clientIp()).isEqualTo("fd00::25");
    assertThat(finding.fix().postfix().get(0))
        .isEqualTo("postconf -e 'mynetworks = " + MYNETWORKS + " [fd00::25]/128'");
  }

  @Test
  void shouldTreatAnIpv4MappedIpv6ClientAsItsIpv4Address() {
    Finding finding = only(Sites.withMynetworks(MYNETWORKS), appServer("::ffff:10.1.2.3"));

    assertThat(finding.subject()).isEqualTo("10.1.2.3");
    assertThat(finding.fix().postfix().get(0)).endsWith(" 10.1.2.3/32'");
  }

  @Test
  void shouldNotProposeWhatMynetworksAlreadyCovers() {
    Finding finding = only(Sites.withMynetworks("127.0.0.0/8 10.0.0.0/8"), appServer("10.1.2.3"));

    assertThat(finding.verdict()).isEqualTo(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
    assertThat(finding.fix().summary()).contains("already covers 10.1.2.3 (entry 10.0.0.0/8)");
    assertThat(FixText.commands(finding)).noneMatch(c -> c.contains("mynetworks ="));
    assertThat(finding.fix().postfix()).contains("postconf -n mynetworks");
  }

  @Test
  void shouldNotBeAMynetworksCaseWhenTheClientTriedAuth() {
    Clients triedAuth =
        client("10.1.2.4").denials(5).localSenders(5).on("smtpd").failedAuth(1, "app");

    List<Finding> findings = VerdictEngine.create(Sites.site()).evaluate(triedAuth.build());

    assertThat(findings).isEmpty();
    List<Finding> lowBar =
        VerdictEngine.create(Sites.site()).withMinCount(1).evaluate(triedAuth.build());
    assertThat(lowBar).extracting(Finding::verdict).containsExactly(Verdict.SASL_AUTH_FAILING);
    assertThat(FixText.commands(lowBar.get(0))).noneMatch(c -> c.contains("mynetworks"));
  }

  @Test
  void shouldNeverBeAMynetworksCaseForAnExternalClient() {
    VerdictEngine engine = VerdictEngine.create(Sites.site()).withMinCount(1);
    for (Clients outsider :
        List.of(
            appServer("203.0.113.9"),
            appServer("2001:db8::9"),
            client("198.51.100.7").denials(40).to("gmail.com").foreignSenders(40).on("smtpd"))) {
      for (Finding finding : engine.evaluate(outsider.build())) {
        assertThat(finding.verdict()).isNotEqualTo(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
        assertThat(FixText.commands(finding)).noneMatch(c -> c.contains("mynetworks ="));
      }
    }
  }

  @Test
  void shouldNotFireOnTheSubmissionPort() {
    Finding finding = only(Sites.site(), appServer("10.1.2.3").on("submission"));

    assertThat(finding.verdict()).isEqualTo(Verdict.CLIENT_NOT_AUTHENTICATING);
  }

  @Test
  void shouldNotFireForAnInternalClientSendingAsForeignDomainsUnlessTrusted() {
    Clients foreign = client("10.7.0.2").denials(5).to("gmail.com").foreignSenders(5).on("smtpd");
    VerdictConfig trusted =
        new VerdictConfig(
            InternalNetworks.defaults(),
            InternalNetworks.of(List.of("10.7.0.0/24")),
            Set.of("example.org"),
            Optional.of(MYNETWORKS),
            Mta.POSTFIX);

    assertThat(VerdictEngine.create(Sites.site()).evaluate(foreign.build())).isEmpty();
    assertThat(VerdictEngine.create(trusted).evaluate(foreign.build()))
        .extracting(Finding::verdict)
        .containsExactly(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
  }

  @Test
  void shouldGiveTheEximRelayFromHostsLineForExim() {
    Clients exim = client("192.168.5.6").denials(4).localSenders(4).mtas(Mta.EXIM);

    Finding finding = only(Sites.withMta(Mta.EXIM), exim);

    assertThat(finding.fix().exim())
        .containsExactly("hostlist relay_from_hosts = <; 127.0.0.1 ; ::1 ; 192.168.5.6");
    assertThat(finding.fix().postfix()).isNull();
    assertThat(finding.diagnostics())
        .contains("exim -bh 192.168.5.6   # simulates a session from the client");
  }

  @Test
  void shouldWaitForTheThresholdUnlessDiagnoseLowersIt() {
    Clients once = appServer("10.1.2.3").denials(1).neverTriedAuth(1);

    assertThat(VerdictEngine.create(Sites.site()).evaluate(once.build())).isEmpty();
    assertThat(VerdictEngine.create(Sites.site()).withMinCount(1).evaluate(once.build()))
        .extracting(Finding::verdict)
        .containsExactly(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
  }
}
