package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.Smtpd.T0;
import static io.relaywatch.streams.topology.Smtpd.smtpd;
import static io.relaywatch.streams.topology.Smtpd.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.CommandCount;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions joined from their lines; each test reads like the log it replays. */
class SessionCorrelationTest {
  private final SessionDriver mx = new SessionDriver(SessionConfig.defaults());

  @AfterEach
  void stop() {
    mx.close();
  }

  private SessionRecord onlySessionOf(String clientIp) {
    List<KeyValue<String, SessionRecord>> closed = mx.closedSessions();
    assertThat(closed).extracting(kv -> kv.key).containsExactly(clientIp);
    return closed.get(0).value;
  }

  @Test
  void shouldTellAuthFailedBeforeARelayDenial() {
    Smtpd client = submission(5555, "192.0.2.30");
    mx.log(client.at(1).authFailed("alice"));
    mx.log(client.at(2).authFailed("alice"));
    mx.log(client.at(3).relayDenied());
    mx.log(client.at(4).disconnect("ehlo=1 auth=0/2 mail=1 rcpt=0/1 quit=1 commands=3/6"));

    SessionRecord session = onlySessionOf("192.0.2.30");
    assertThat(session.authOutcome()).isEqualTo(AuthOutcome.FAILED);
    assertThat(session.authenticated()).isFalse();
    assertThat(session.authAttempts()).isEqualTo(2);
    assertThat(session.authFailures()).isEqualTo(2);
    assertThat(session.failedUsernames()).containsExactly("alice");
    assertThat(session.relayDenied()).isTrue();
    assertThat(session.rejects()).containsExactly(Map.entry(RejectReason.RELAY_DENIED, 1));
    assertThat(session.closedBy()).isEqualTo(SessionClose.DISCONNECT);
    assertThat(session.start()).isEqualTo(T0.plusSeconds(1));
    assertThat(session.end()).isEqualTo(T0.plusSeconds(4));
    assertThat(session.service()).isEqualTo("submission");
    assertThat(session.commands()).containsEntry("auth", new CommandCount(0, 2));
  }

  @Test
  void shouldTellASessionThatNeverTriedAuth() {
    Smtpd app = smtpd(1234, "10.0.0.5");
    mx.log(app.at(1).relayDenied());
    mx.log(app.at(1).disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"));

    SessionRecord session = onlySessionOf("10.0.0.5");
    assertThat(session.authOutcome()).isEqualTo(AuthOutcome.NEVER_TRIED);
    assertThat(session.authAttempts()).isZero();
    assertThat(session.relayDenied()).isTrue();
    assertThat(session.host()).isEqualTo("mx1");
    assertThat(session.program()).isEqualTo("postfix/smtpd");
    assertThat(session.pid()).isEqualTo(1234);
  }

  @Test
  void shouldTellAnAuthenticatedSessionStillDeniedFromItsAuthCounter() {
    // smtpd_relay_restrictions without permit_sasl_authenticated: AUTH succeeds, RCPT is refused,
    // and Postfix logs no line for the successful AUTH.
    Smtpd laptop = submission(5555, "198.51.100.90");
    mx.log(laptop.at(1).relayDenied());
    mx.log(laptop.at(2).disconnect("ehlo=2 starttls=1 auth=1 mail=1 rcpt=0/1 quit=1 commands=6/7"));

    SessionRecord session = onlySessionOf("198.51.100.90");
    assertThat(session.authOutcome()).isEqualTo(AuthOutcome.SUCCEEDED);
    assertThat(session.authenticated()).isTrue();
    assertThat(session.authFailures()).isZero();
    assertThat(session.relayDenied()).isTrue();
  }

  @Test
  void shouldTakeTheUserOfAnAuthenticatedDenialFromPostfix310RejectLines() {
    Smtpd laptop = submission(5555, "198.51.100.90");
    mx.log(
        laptop
            .at(1)
            .reject(RejectAction.REJECT, RejectReason.RELAY_DENIED)
            .saslMethod("PLAIN")
            .saslUsername("bob")
            .build());

    mx.log(smtpd(1, "192.0.2.1").at(1 + 11 * 60).relayDenied()); // the timeout passes

    SessionRecord session = mx.closedSessions().get(0).value;
    assertThat(session.authOutcome()).isEqualTo(AuthOutcome.SUCCEEDED);
    assertThat(session.saslUsername()).isEqualTo("bob");
    assertThat(session.relayDenied()).isTrue();
  }

  @Test
  void shouldKeepTheUserOfAcceptedAuthenticatedMail() {
    Smtpd laptop = submission(5555, "198.51.100.90");
    mx.log(laptop.at(1).authFailed("alice"));
    mx.log(laptop.at(2).login("alice"));
    mx.log(laptop.at(3).disconnect("ehlo=2 auth=1/2 mail=1 rcpt=1 data=1 quit=1 commands=7/8"));

    SessionRecord session = onlySessionOf("198.51.100.90");
    assertThat(session.authOutcome()).isEqualTo(AuthOutcome.SUCCEEDED);
    assertThat(session.saslUsername()).isEqualTo("alice");
    assertThat(session.authAttempts()).isEqualTo(2);
    assertThat(session.authFailures()).isEqualTo(1);
    assertThat(session.relayDenied()).isFalse();
    assertThat(session.rejects()).isEmpty();
  }

  @Test
  void shouldKeepInterleavedSessionsOfTwoProcessesApart() {
    Smtpd prober = smtpd(100, "203.0.113.66");
    Smtpd app = smtpd(200, "10.0.0.5");
    mx.log(prober.at(1).relayDenied());
    mx.log(app.at(1).authFailed("app"));
    mx.log(prober.at(2).relayDenied());
    mx.log(app.at(2).reject(RejectReason.SENDER_REJECTED));
    mx.log(prober.at(3).reject(RejectReason.UNKNOWN_RECIPIENT));
    mx.log(app.at(3).disconnect("ehlo=1 auth=0/1 mail=1 rcpt=0/1 commands=2/4"));
    mx.log(prober.at(4).disconnect("ehlo=1 mail=1 rcpt=0/3 quit=1 commands=3/6"));

    List<KeyValue<String, SessionRecord>> closed = mx.closedSessions();
    assertThat(closed).extracting(kv -> kv.key).containsExactly("10.0.0.5", "203.0.113.66");
    SessionRecord appSession = closed.get(0).value;
    assertThat(appSession.authOutcome()).isEqualTo(AuthOutcome.FAILED);
    assertThat(appSession.rejects()).containsExactly(Map.entry(RejectReason.SENDER_REJECTED, 1));
    assertThat(appSession.relayDenied()).isFalse();
    SessionRecord proberSession = closed.get(1).value;
    assertThat(proberSession.authOutcome()).isEqualTo(AuthOutcome.NEVER_TRIED);
    assertThat(proberSession.rejects())
        .containsExactly(
            Map.entry(RejectReason.RELAY_DENIED, 2), Map.entry(RejectReason.UNKNOWN_RECIPIENT, 1));
    assertThat(proberSession.start()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void shouldNotCountADryRunRejectAsARefusal() {
    Smtpd watched = smtpd(1234, "192.0.2.9");
    mx.log(watched.at(1).reject(RejectAction.REJECT_WARNING, RejectReason.RELAY_DENIED).build());
    mx.log(watched.at(2).disconnect("ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5"));

    SessionRecord session = onlySessionOf("192.0.2.9");
    assertThat(session.rejects()).isEmpty();
    assertThat(session.relayDenied()).isFalse();
  }

  @Test
  void shouldCorrelateOnlyPostfixSmtpdProcesses() {
    mx.log(
        smtpd(1, "192.0.2.70")
            .at(1)
            .reject(RejectAction.REJECT, RejectReason.CLIENT_REJECTED)
            .program("postfix/postscreen")
            .service("postscreen")
            .build());
    mx.log(
        smtpd(2, "192.0.2.71").at(1).relayDenied().toBuilder()
            .mta(io.relaywatch.events.Mta.EXIM)
            .program("exim")
            .service(null)
            .build());
    mx.log(smtpd(3, "192.0.2.72").at(11 * 60).relayDenied()); // past every timeout

    assertThat(mx.closedSessions())
        .extracting(kv -> kv.key)
        .doesNotContain("192.0.2.70", "192.0.2.71");
  }
}
