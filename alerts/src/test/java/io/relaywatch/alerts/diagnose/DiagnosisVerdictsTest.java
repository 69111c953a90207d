package io.relaywatch.alerts.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Logs in, verdicts out: the offline evidence through the real engine, as {@code relaywatch
 * diagnose} runs it (every count threshold 1).
 */
class DiagnosisVerdictsTest {
  private static final VerdictEngine ENGINE =
      VerdictEngine.create(LogEvidenceTest.SITE).withMinCount(1);

  private final MailLog log = new MailLog();

  private Map<String, Verdict> verdicts() {
    List<Finding> findings = log.diagnose(LogEvidenceTest.SITE).findings(ENGINE);
    return findings.stream().collect(Collectors.toMap(Finding::subject, Finding::verdict));
  }

  @Test
  void shouldNameTheCauseOfEachClientsTrouble() {
    log.smtpd(100, "10.0.0.5")
        .relayDenied("app@example.com", "customer@gmail.example")
        .disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
    log.submission(200, "192.0.2.20")
        .relayDenied("bob@example.com", "x@outside.example")
        .disconnect("ehlo=2 starttls=1 mail=1 rcpt=0/1 quit=1 commands=4/5");
    log.submission(300, "10.0.0.30")
        .authFailed("PLAIN", "alice")
        .relayDenied("alice@example.com", "x@outside.example")
        .disconnect("ehlo=2 starttls=1 auth=0/1 mail=1 rcpt=0/1 quit=1 commands=4/6");
    log.submission(400, "10.0.0.40")
        .relayDenied("carol@example.com", "x@outside.example")
        .disconnect("ehlo=2 starttls=1 auth=1 mail=1 rcpt=0/1 quit=1 commands=5/6");
    MailLog.Smtpd probe = log.smtpd(500, "203.0.113.66");
    for (int i = 0; i < 5; i++) {
      probe.relayDenied("spoof@foreign.example", "v@target" + i + ".example");
    }
    probe.disconnect("ehlo=1 mail=1 rcpt=0/5 quit=1 commands=3/8");
    log.syslog("postfix/submission/smtpd[600]", "fatal: no SASL authentication mechanisms");

    assertThat(verdicts())
        .containsEntry("10.0.0.5", Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS)
        .containsEntry("192.0.2.20", Verdict.CLIENT_NOT_AUTHENTICATING)
        .containsEntry("10.0.0.30", Verdict.SASL_AUTH_FAILING)
        .containsEntry("10.0.0.40", Verdict.SASL_NOT_PERMITTED_FOR_RELAY)
        .containsEntry("203.0.113.66", Verdict.OPEN_RELAY_PROBE)
        .containsEntry("mx1", Verdict.SASL_BACKEND_UNAVAILABLE);
  }

  @Test
  void shouldNotProposeMynetworksForAnInternalClientThatTriedAuth() {
    log.smtpd(100, "10.0.0.7")
        .authFailed("LOGIN", "app")
        .relayDenied("app@example.com", "customer@gmail.example")
        .disconnect("ehlo=1 auth=0/1 mail=1 rcpt=0/1 quit=1 commands=3/5");

    assertThat(verdicts()).doesNotContainValue(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
  }

  @Test
  void shouldNeverProposeMynetworksForAnOutsideClient() {
    log.smtpd(100, "198.51.100.9")
        .relayDenied("app@example.com", "customer@gmail.example")
        .disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");

    List<Finding> findings = log.diagnose(LogEvidenceTest.SITE).findings(ENGINE);

    assertThat(findings)
        .extracting(Finding::verdict)
        .doesNotContain(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
    assertThat(findings)
        .allSatisfy(
            f -> assertThat(String.valueOf(f.fix().postfix())).doesNotContain("mynetworks ="));
  }

  @Test
  void shouldTellManyOutsideServersRefusedForALocalDomain() {
    for (String server : List.of("198.51.100.1", "198.51.100.2", "198.51.100.3")) {
      log.smtpd(700, server)
          .relayDenied("news@sender.example", "info@example.com")
          .disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
    }

    assertThat(verdicts()).containsEntry("example.com", Verdict.DOMAIN_NOT_ACCEPTED);
  }

  @Test
  void shouldReportNothingBelowTheMinimumCount() {
    log.smtpd(100, "10.0.0.5")
        .relayDenied("app@example.com", "customer@gmail.example")
        .disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");

    Diagnosis diagnosis = log.diagnose(LogEvidenceTest.SITE);

    assertThat(diagnosis.findings(ENGINE)).isNotEmpty();
    assertThat(diagnosis.findings(VerdictEngine.create(LogEvidenceTest.SITE).withMinCount(2)))
        .isEmpty();
  }
}
