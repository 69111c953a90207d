package io.relaywatch.alerts.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.events.Finding;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Message lines of a log joined offline by MessageJoin, then judged by the real engine. */
class DiagnoseOpenRelayTest {
  /** mynetworks wider than networks.internal: 127.0.0.0/24 is internal, 203.0.113.0/24 is not. */
  private static final VerdictConfig SITE =
      new VerdictConfig(
          InternalNetworks.of(List.of("127.0.0.0/24", "10.0.0.0/8")),
          InternalNetworks.of(List.of()),
          Set.of("example.com"),
          Optional.of("127.0.0.0/24 203.0.113.0/24"),
          Mta.POSTFIX);

  private static final VerdictEngine ENGINE = VerdictEngine.create(SITE).withMinCount(1);

  private final MailLog log = new MailLog();

  private void message(String smtpd, String queueId, String clientLine, String to, boolean done) {
    log.syslog(smtpd, queueId + ": " + clientLine);
    log.syslog(
        "postfix/qmgr[900]", queueId + ": from=<x@sender.example>, size=1, nrcpt=1 (queue active)");
    if (to != null) {
      log.syslog(
          "postfix/smtp[901]",
          queueId
              + ": to=<"
              + to
              + ">, relay=mx.victim.example[198.51.100.25]:25, delay=1, delays=0/0/0.5/0.5,"
              + " dsn=2.0.0, status=sent (250 2.0.0 Ok)");
    }
    if (done) {
      log.syslog("postfix/qmgr[900]", queueId + ": removed");
    }
  }

  private List<Finding> findings() {
    return log.diagnose(SITE).findings(ENGINE);
  }

  @Test
  void shouldFindAStrangersAcceptedMessageAndHoldExactlyItsQueueId() {
    message(
        "postfix/smtpd[700]",
        "ABCDEF0001",
        "client=unknown[203.0.113.77]",
        "v@victim.example",
        true);

    assertThat(findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.verdict()).isEqualTo(Verdict.SERVER_IS_OPEN_RELAY);
              assertThat(f.subject()).isEqualTo("203.0.113.77");
              assertThat(f.count()).isEqualTo(1);
              assertThat(f.evidence()).anyMatch(l -> l.contains("client=unknown[203.0.113.77]"));
              String fix = f.summary() + "\n" + String.join("\n", f.fix().postfix());
              assertThat(fix)
                  .contains("postsuper -h ABCDEF0001")
                  .contains("postconf -e 'mynetworks = 127.0.0.0/24'")
                  .contains("lets 203.0.113.77 in through: 203.0.113.0/24")
                  .doesNotContain("postsuper -d");
            });
  }

  @Test
  void shouldNotFindAuthenticatedOrInternalClientsRelaying() {
    message(
        "postfix/submission/smtpd[701]",
        "ABCDEF0002",
        "client=laptop.example.net[198.51.100.78], sasl_method=PLAIN, sasl_username=alice",
        "friend@outside.example",
        true);
    message(
        "postfix/smtpd[702]", "ABCDEF0003", "client=unknown[10.0.0.79]", "a@gmail.example", true);
    message(
        "postfix/smtpd[703]", "ABCDEF0004", "client=unknown[203.0.113.80]", "a@example.com", true);

    assertThat(findings()).isEmpty();
  }

  @Test
  void shouldJudgeAMessageWhoseRemovedLineNeverComesAtTheEndOfTheLog() {
    message(
        "postfix/smtpd[704]",
        "ABCDEF0005",
        "client=unknown[203.0.113.81]",
        "v@victim.example",
        false);

    ClientEvidence client = MailLog.client(log.diagnose(SITE), "203.0.113.81");
    assertThat(client.messages().relayedMessages()).isEqualTo(1);
    assertThat(client.messages().queueIds()).containsExactly("ABCDEF0005");
  }

  @Test
  void shouldNotJudgeAMessageWithoutAnyDeliveryLine() {
    message("postfix/smtpd[705]", "ABCDEF0006", "client=unknown[203.0.113.82]", null, false);

    assertThat(findings()).isEmpty();
  }
}
