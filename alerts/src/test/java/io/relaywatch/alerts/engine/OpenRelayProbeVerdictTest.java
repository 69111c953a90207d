package io.relaywatch.alerts.engine;

import static io.relaywatch.alerts.engine.Clients.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code open_relay_probe}: strangers trying to relay; blocked, never trusted. */
class OpenRelayProbeVerdictTest {
  private final VerdictEngine engine = VerdictEngine.create(Sites.site());

  private List<Verdict> verdicts(Clients client) {
    return engine.evaluate(client.build()).stream().map(Finding::verdict).toList();
  }

  @Test
  void shouldFindAStrangerRelayingToManyDomains() {
    Finding finding =
        engine
            .evaluate(
                client("203.0.113.50")
                    .denials(6)
                    .to("gmail.com", "yahoo.com", "mail.ru")
                    .foreignSenders(6)
                    .on("smtpd")
                    .build())
            .get(0);

    assertThat(finding.verdict()).isEqualTo(Verdict.OPEN_RELAY_PROBE);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.summary())
        .contains("3 outside domains")
        .contains("never add it to mynetworks");
    assertThat(finding.fix().postfix())
        .contains(
            "postconf -e 'postscreen_access_list = permit_mynetworks,"
                + " cidr:/etc/postfix/postscreen_access.cidr'",
            "echo '203.0.113.50/32 reject' >> /etc/postfix/postscreen_access.cidr",
            "nft add rule inet filter input ip saddr 203.0.113.50 tcp dport 25 drop");
    assertThat(finding.diagnostics())
        .anyMatch(d -> d.startsWith("postconf -h smtpd_relay_restrictions"));
    assertThat(finding.fix().summary()).contains("defer_unauth_destination");
  }

  @Test
  void shouldNeverProposeMynetworksForAProbe() {
    VerdictEngine low = engine.withMinCount(1);
    for (String ip : List.of("203.0.113.50", "2001:db8::50", "::ffff:203.0.113.50")) {
      Finding finding =
          low.evaluate(client(ip).denials(1).to("gmail.com").foreignSenders(1).build()).get(0);

      assertThat(finding.verdict()).isEqualTo(Verdict.OPEN_RELAY_PROBE);
      assertThat(FixText.commands(finding)).noneMatch(c -> c.contains("mynetworks ="));
      assertThat(FixText.commands(finding)).noneMatch(c -> c.contains("relay_from_hosts"));
    }
  }

  @Test
  void shouldFindARelayTestToAnAddressLiteralAtOnce() {
    assertThat(verdicts(client("203.0.113.51").denials(1).to("[203.0.113.51]").foreignSenders(1)))
        .containsExactly(Verdict.OPEN_RELAY_PROBE);
    assertThat(
            verdicts(
                client("203.0.113.51").denials(1).to("victim.example%relay").foreignSenders(1)))
        .containsExactly(Verdict.OPEN_RELAY_PROBE);
  }

  @Test
  void shouldFindManyAttemptsToOneOutsideDomain() {
    assertThat(verdicts(client("203.0.113.52").denials(10).to("gmail.com").foreignSenders(10)))
        .containsExactly(Verdict.OPEN_RELAY_PROBE);
    assertThat(verdicts(client("203.0.113.52").denials(9).to("gmail.com").foreignSenders(9)))
        .isEmpty();
  }

  @Test
  void shouldNotCallAnOutsideServerDeliveringToALocalDomainAProbe() {
    assertThat(verdicts(client("203.0.113.53").denials(50).to("example.org").foreignSenders(50)))
        .isEmpty();
  }

  @Test
  void shouldNeverCallAnInternalClientAProbe() {
    assertThat(
            engine
                .withMinCount(1)
                .evaluate(
                    client("10.9.8.7")
                        .denials(30)
                        .to("a.com", "b.com", "c.com", "[1.2.3.4]")
                        .foreignSenders(30)
                        .build()))
        .extracting(Finding::verdict)
        .doesNotContain(Verdict.OPEN_RELAY_PROBE);
  }

  @Test
  void shouldLeaveAnOutsideClientUsingLocalSendersToTheAuthenticationVerdict() {
    assertThat(
            verdicts(
                client("203.0.113.54")
                    .denials(5)
                    .to("gmail.com", "a.com", "b.com")
                    .localSenders(5)))
        .containsExactly(Verdict.CLIENT_NOT_AUTHENTICATING);
  }

  @Test
  void shouldBlockAnIpv6ProberWithIp6RulesAndA128() {
    Finding finding =
        engine
            .evaluate(
                client("2001:DB8:0::7")
                    .denials(3)
                    .to("a.com", "b.com", "c.com")
                    .foreignSenders(3)
                    .build())
            .get(0);

    assertThat(finding.fix().postfix())
        .contains(
            "echo '2001:db8::7/128 reject' >> /etc/postfix/postscreen_access.cidr",
            "nft add rule inet filter input ip6 saddr 2001:db8::7 tcp dport 25 drop");
  }

  @Test
  void shouldBlockInEximsConnectAclForExim() {
    Finding finding =
        VerdictEngine.create(Sites.withMta(Mta.EXIM))
            .evaluate(
                client("203.0.113.55")
                    .denials(3)
                    .to("a.com", "b.com", "c.com")
                    .foreignSenders(3)
                    .mtas(Mta.EXIM)
                    .build())
            .get(0);

    assertThat(finding.fix().exim()).contains("deny  hosts = 203.0.113.55");
    assertThat(finding.diagnostics())
        .contains("exim -bh 203.0.113.55   # simulates a session from the client");
  }
}
