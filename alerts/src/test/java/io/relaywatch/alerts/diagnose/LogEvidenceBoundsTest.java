package io.relaywatch.alerts.diagnose;

import static io.relaywatch.alerts.diagnose.MailLog.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.streams.topology.SessionConfig;
import org.junit.jupiter.api.Test;

/** A log larger than the bounds still gives sound evidence about what matters, and says so. */
class LogEvidenceBoundsTest {
  private static final DiagnoseLimits SMALL = new DiagnoseLimits(8, 8, 2, 4, 1_000, 4);

  @Test
  void shouldKeepTheClientsInTroubleWhenOneShotProbersFillTheTable() {
    MailLog log = new MailLog();
    for (int i = 0; i < 5; i++) {
      log.smtpd(100, "10.0.0.5")
          .relayDenied("app@example.com", "x@outside.example")
          .disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
    }
    for (int i = 0; i < 50; i++) {
      log.smtpd(200 + i, "203.0.113." + i)
          .relayDenied("spoof@foreign.example", "v@target" + i + ".example")
          .disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
    }
    for (int i = 0; i < 50; i++) {
      log.submission(300 + i, "198.51.100." + i)
          .login("user" + i)
          .disconnect("ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8");
    }

    Diagnosis diagnosis =
        log.diagnose(new LogEvidence(LogEvidenceTest.SITE, SMALL, SessionConfig.defaults()));

    assertThat(client(diagnosis, "10.0.0.5").relayDenials()).isEqualTo(5);
    assertThat(client(diagnosis, "10.0.0.5").sessions().sessions()).isEqualTo(5);
    assertThat(diagnosis.clients().size()).isLessThanOrEqualTo(SMALL.maxClients());
    assertThat(diagnosis.domains().size()).isLessThanOrEqualTo(SMALL.maxDomains());
    assertThat(diagnosis.domains().get(0).domain()).isEqualTo("outside.example");
    Diagnosis.Coverage coverage = diagnosis.coverage();
    assertThat(coverage.complete()).isFalse();
    assertThat(coverage.droppedClients()).isPositive();
    assertThat(coverage.droppedDomains()).isPositive();
    assertThat(coverage.describe()).startsWith("partial diagnosis").contains("clients");
  }

  @Test
  void shouldCountRecipientDomainsUpToTheLimitAndSaySoBeyond() {
    MailLog log = new MailLog();
    MailLog.Smtpd probe = log.smtpd(100, "203.0.113.9");
    for (int i = 0; i < 6; i++) {
      probe.relayDenied("spoof@foreign.example", "v@target" + i + ".example");
    }

    Diagnosis diagnosis =
        log.diagnose(new LogEvidence(LogEvidenceTest.SITE, SMALL, SessionConfig.defaults()));

    assertThat(client(diagnosis, "203.0.113.9").recipientDomains())
        .isEqualTo(SMALL.maxDistinctPerSubject());
    assertThat(diagnosis.coverage().distinctCountsCapped()).isTrue();
  }

  @Test
  void shouldCloseSessionsEarlyWhenForgedProcessIdsKeepThemOpen() {
    MailLog log = new MailLog();
    for (int pid = 1; pid <= 10; pid++) {
      log.smtpd(pid, "10.0.0.5").relayDenied("app@example.com", "x@outside.example");
    }

    Diagnosis diagnosis =
        log.diagnose(new LogEvidence(LogEvidenceTest.SITE, SMALL, SessionConfig.defaults()));

    assertThat(client(diagnosis, "10.0.0.5").sessions().sessions()).isEqualTo(10);
    assertThat(diagnosis.coverage().sessionsClosedEarly()).isPositive();
  }

  @Test
  void shouldKeepAttackerTextVerbatimAndShort() {
    MailLog log = new MailLog();
    String hostile = "$(rm -rf /)\u001b[31m`id`;" + "x".repeat(500);
    log.submission(100, "192.0.2.9")
        .authFailed("LOGIN", hostile)
        .disconnect("ehlo=1 auth=0/1 quit=1 commands=2/3");

    Diagnosis diagnosis =
        log.diagnose(new LogEvidence(LogEvidenceTest.SITE, SMALL, SessionConfig.defaults()));

    String kept = client(diagnosis, "192.0.2.9").sessions().failedUsernames().get(0);
    assertThat(kept).startsWith("$(rm -rf /)\u001b[31m`id`;");
    assertThat(kept.length()).isLessThanOrEqualTo(ClientTally.MAX_NAME_CHARS + 3);
  }
}
