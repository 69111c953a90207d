package io.relaywatch.alerts.diagnose;

import static io.relaywatch.alerts.diagnose.MailLog.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.DomainEvidence;
import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.alerts.engine.SessionStats;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Evidence from realistic Postfix and Exim logs, as the verdict engine will be shown it. */
class LogEvidenceTest {
  static final VerdictConfig SITE =
      new VerdictConfig(
          InternalNetworks.defaults(),
          InternalNetworks.of(List.of()),
          Set.of("example.com"),
          Optional.of("127.0.0.0/8"),
          Mta.POSTFIX);

  private final MailLog log = new MailLog();

  @Test
  void shouldCountAuthFailuresBeforeTheDenialOfTheSameSession() {
    log.submission(3001, "192.0.2.30")
        .authFailed("PLAIN", "alice")
        .authFailed("LOGIN", "alice@example.com")
        .relayDenied("alice@example.com", "friend@gmail.example")
        .disconnect("ehlo=2 starttls=1 auth=0/2 mail=1 rcpt=0/1 quit=1 commands=5/8");

    ClientEvidence client = client(log.diagnose(SITE), "192.0.2.30");

    assertThat(client.relayDenials()).isEqualTo(1);
    assertThat(client.services()).containsExactly("submission");
    assertThat(client.sessions())
        .isEqualTo(new SessionStats(1, 0, 1, 0, 2, 2, List.of("alice", "alice@example.com")));
    assertThat(client.sampleLines()).hasSize(3);
    assertThat(client.sampleLines().get(0)).contains("SASL PLAIN authentication failed");
    assertThat(client.sampleLines().get(2)).contains("Relay access denied");
    assertThat(client.firstSeen()).isEqualTo(OffsetDateTime.parse("2026-11-03T10:00:00Z"));
    assertThat(client.lastSeen())
        .as("the end of the session in which AUTH failed")
        .isEqualTo(OffsetDateTime.parse("2026-11-03T10:00:03Z"));
  }

  @Test
  void shouldNameWhereAuthFailedForAClientNeverRefusedRelay() {
    log.submission(3002, "10.0.0.31")
        .authFailed("LOGIN", "alice")
        .disconnect("ehlo=2 starttls=1 auth=0/1 quit=1 commands=4/5");

    ClientEvidence client = client(log.diagnose(SITE), "10.0.0.31");

    assertThat(client.relayDenials()).isZero();
    assertThat(client.services()).containsExactly("submission");
    assertThat(client.mtas()).containsExactly(Mta.POSTFIX);
    assertThat(client.mailHosts()).containsExactly("mx1");
    assertThat(client.sessions()).isEqualTo(new SessionStats(1, 0, 0, 0, 1, 1, List.of("alice")));
  }

  @Test
  void shouldSeeAnInternalApplicationThatNeverTriedAuthOnPort25() {
    for (int session = 0; session < 2; session++) {
      log.smtpd(2001, "10.0.0.5")
          .relayDenied("app@example.com", "customer@gmail.example")
          .disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
    }

    ClientEvidence client = client(log.diagnose(SITE), "10.0.0.5");

    assertThat(client.relayDenials()).isEqualTo(2);
    assertThat(client.localSenders()).isEqualTo(2);
    assertThat(client.foreignSenders()).isZero();
    assertThat(client.services()).containsExactly("smtpd");
    assertThat(client.mtas()).containsExactly(Mta.POSTFIX);
    assertThat(client.mailHosts()).containsExactly("mx1");
    assertThat(client.recipientDomainList()).containsExactly("gmail.example");
    assertThat(client.sessions().sessions()).isEqualTo(2);
    assertThat(client.sessions().deniedNeverTriedAuth()).isEqualTo(2);
    assertThat(client.sessions().authAttempts()).isZero();
  }

  @Test
  void shouldSeeAnAuthenticatedSessionThatWasStillDenied() {
    // Postfix logs no line for a successful AUTH whose mail is refused: only the counters say it.
    log.submission(4001, "198.51.100.60")
        .relayDenied("bob@example.com", "x@outside.example")
        .disconnect("ehlo=2 starttls=1 auth=1 mail=1 rcpt=0/1 quit=1 commands=5/6");
    // Postfix 3.10 names the user on the reject itself.
    log.raw(
        "Nov  3 11:00:00 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[198.51.100.60]:"
            + " 554 5.7.1 <victim@other.example>: Relay access denied; from=<bob@example.com>"
            + " to=<victim@other.example> proto=ESMTP helo=<laptop> sasl_method=PLAIN"
            + " sasl_username=bob@example.com sasl_sender=bob@example.com");

    ClientEvidence client = client(log.diagnose(SITE), "198.51.100.60");

    assertThat(client.relayDenials()).isEqualTo(2);
    assertThat(client.sessions().sessions())
        .as("the second closed at the end of the log")
        .isEqualTo(2);
    assertThat(client.sessions().deniedAuthenticated()).isEqualTo(2);
    assertThat(client.sessions().deniedNeverTriedAuth()).isZero();
    assertThat(client.sessions().authFailures()).isZero();
  }

  @Test
  void shouldGatherSaslBackendErrorsByHostAndNotByClient() {
    log.syslog(
        "postfix/submission/smtpd[3027]",
        "warning: SASL: Connect to Dovecot auth socket 'private/auth' failed: No such file or"
            + " directory");
    log.syslog("postfix/submission/smtpd[3027]", "fatal: no SASL authentication mechanisms");
    log.syslog(
        "postfix/submission/smtpd[3030]",
        "warning: SASL: Connect to Dovecot auth socket 'private/auth' failed: No such file or"
            + " directory");

    Diagnosis diagnosis = log.diagnose(SITE);

    assertThat(diagnosis.clients()).isEmpty();
    assertThat(diagnosis.hosts()).singleElement().satisfies(this::isTheDeadBackendOfMx1);
  }

  private void isTheDeadBackendOfMx1(HostEvidence host) {
    assertThat(host.host()).isEqualTo("mx1");
    assertThat(host.mta()).isEqualTo(Mta.POSTFIX);
    assertThat(host.saslBackendErrors()).isEqualTo(3);
    assertThat(host.messages()).hasSize(2);
    assertThat(host.sampleLines()).hasSize(3);
    assertThat(host.firstSeen()).isEqualTo(OffsetDateTime.parse("2026-11-03T10:00:00Z"));
    assertThat(host.lastSeen()).isEqualTo(OffsetDateTime.parse("2026-11-03T10:00:02Z"));
  }

  @Test
  void shouldSeeAProberWithForeignSendersAndManyDomains() {
    for (int session = 0; session < 3; session++) {
      MailLog.Smtpd probe = log.smtpd(5000 + session, "203.0.113.66");
      for (int domain = 0; domain < 4; domain++) {
        probe.relayDenied(
            "spoof@foreign.example", "victim@target" + (session * 4 + domain) + ".example");
      }
      probe.disconnect("ehlo=1 mail=1 rcpt=0/4 quit=1 commands=3/7");
    }

    Diagnosis diagnosis = log.diagnose(SITE);
    ClientEvidence prober = client(diagnosis, "203.0.113.66");

    assertThat(prober.relayDenials()).isEqualTo(12);
    assertThat(prober.recipientDomains()).isEqualTo(12);
    assertThat(prober.recipientDomainList())
        .hasSize(ClientTally.MAX_DOMAIN_LIST)
        .startsWith("target0.example", "target1.example");
    assertThat(prober.foreignSenders()).isEqualTo(12);
    assertThat(prober.localSenders()).isZero();
    assertThat(prober.sessions().deniedNeverTriedAuth()).isEqualTo(3);
    assertThat(diagnosis.domains())
        .hasSize(12)
        .allSatisfy(d -> assertThat(d.externalClients()).isEqualTo(1));
  }

  @Test
  void shouldCountTheOutsideServersRefusedForOneDomain() {
    for (String server : List.of("198.51.100.1", "198.51.100.2", "198.51.100.3", "10.0.0.9")) {
      log.smtpd(6000, server)
          .relayDenied("news@sender.example", "info@example.org")
          .relayDenied("news@sender.example", "sales@EXAMPLE.org")
          .disconnect("ehlo=1 mail=1 rcpt=0/2 quit=1 commands=3/5");
    }

    DomainEvidence domain = log.diagnose(SITE).domains().get(0);

    assertThat(domain.domain()).isEqualTo("example.org");
    assertThat(domain.relayDenials()).isEqualTo(8);
    assertThat(domain.clients()).isEqualTo(4);
    assertThat(domain.externalClients()).as("10.0.0.9 is internal").isEqualTo(3);
    assertThat(domain.sampleLines()).hasSize(3);
  }

  @Test
  void shouldNotCountADryRunAsADenial() {
    log.smtpd(7000, "192.0.2.77")
        .relayWarning("a@example.com", "b@outside.example")
        .disconnect("ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5");

    Diagnosis diagnosis = log.diagnose(SITE);

    assertThat(diagnosis.clients()).isEmpty();
    assertThat(diagnosis.domains()).isEmpty();
  }

  @Test
  void shouldGiveNoEvidenceAboutClientsWithoutTrouble() {
    log.submission(8000, "192.0.2.40")
        .login("alice")
        .disconnect("ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8");

    Diagnosis diagnosis = log.diagnose(SITE);

    assertThat(diagnosis.clients()).isEmpty();
    assertThat(diagnosis.lines().events()).isEqualTo(2);
    assertThat(diagnosis.coverage().complete()).isTrue();
  }

  @Test
  void shouldReadEximDenialsAndAuthenticatorFailuresWithoutSessions() {
    log.raw(
        "2026-06-29 15:34:00 [4242] dovecot_login authenticator failed for (User) [192.0.2.61]:51234"
            + " I=[198.51.100.1]:25: 535 Incorrect authentication data (set_id=alice@example.com)");
    log.raw(
        "2026-06-29 15:34:01 [4243] H=(User) [192.0.2.61]:51235 I=[198.51.100.1]:25"
            + " F=<alice@example.com> rejected RCPT <friend@outside.example>: relay not permitted");

    ClientEvidence client = client(log.diagnose(SITE), "192.0.2.61");

    assertThat(client.mtas()).containsExactly(Mta.EXIM);
    assertThat(client.relayDenials()).isEqualTo(1);
    assertThat(client.localSenders()).isEqualTo(1);
    assertThat(client.sessions().sessions()).isZero();
    assertThat(client.sessions().authAttempts()).isEqualTo(1);
    assertThat(client.sessions().authFailures()).isEqualTo(1);
    assertThat(client.sampleLines()).hasSize(2);
  }

  @Test
  void shouldCountASessionWhoseDisconnectTheLogDoesNotHold() {
    log.smtpd(9000, "10.0.0.7").relayDenied("app@example.com", "x@outside.example");

    ClientEvidence client = client(log.diagnose(SITE), "10.0.0.7");

    assertThat(client.sessions().sessions()).isEqualTo(1);
    assertThat(client.sessions().deniedNeverTriedAuth()).isEqualTo(1);
  }

  @Test
  void shouldCountLinesThatWereNotRecognised() {
    log.raw(
        "Nov  3 10:33:28 mx1 postfix/anvil[99]: statistics: max cache size 1 at Nov  3 10:33:28");
    log.raw("Nov  3 10:33:29 mx1 postfix/smtpd[1]: NOQUEUE: reject: something new");
    log.smtpd(1, "10.0.0.8").relayDenied("app@example.com", "x@outside.example");

    Diagnosis.Lines lines = log.diagnose(SITE).lines();

    assertThat(lines.total()).isEqualTo(3);
    assertThat(lines.events()).isEqualTo(1);
    assertThat(lines.unparsed()).isEqualTo(1);
  }
}
