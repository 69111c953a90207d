package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.Smtpd.T0;
import static io.relaywatch.streams.topology.Smtpd.smtpd;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How sessions end without their disconnect line: timeout and pid reuse; and host-level errors. */
class SessionLifecycleTest {
  private final SessionDriver mx = new SessionDriver(SessionConfig.defaults());

  @AfterEach
  void stop() {
    mx.close();
  }

  @Test
  void shouldCloseASessionQuietForTheTimeoutOfStreamTime() {
    Smtpd lost = smtpd(100, "192.0.2.7");
    Smtpd other = smtpd(200, "192.0.2.8");
    mx.log(lost.at(0).authFailed("bob"));
    mx.log(lost.at(60).relayDenied());

    mx.log(other.at(60 + 9 * 60).relayDenied());
    assertThat(mx.closedSessions()).as("9 minutes quiet: still open").isEmpty();

    mx.log(other.at(60 + 11 * 60).relayDenied());
    List<KeyValue<String, SessionRecord>> closed = mx.closedSessions();
    assertThat(closed).extracting(kv -> kv.key).containsExactly("192.0.2.7");
    SessionRecord session = closed.get(0).value;
    assertThat(session.closedBy()).isEqualTo(SessionClose.TIMEOUT);
    assertThat(session.end()).isEqualTo(T0.plusSeconds(60));
    assertThat(session.commands()).isNull();
    assertThat(session.authOutcome()).isEqualTo(AuthOutcome.FAILED);
    assertThat(session.relayDenied()).isTrue();
    assertThat(
            mx.registry.getSampleValue(
                "relaywatch_streams_sessions_total",
                new String[] {"closed_by", "auth"},
                new String[] {"timeout", "failed"}))
        .isEqualTo(1.0);
  }

  @Test
  void shouldHonourAConfiguredTimeout() {
    try (SessionDriver quick =
        new SessionDriver(SessionConfig.withTimeout(Duration.ofMinutes(2)))) {
      quick.log(smtpd(100, "192.0.2.7").at(0).relayDenied());
      quick.log(smtpd(200, "192.0.2.8").at(3 * 60).relayDenied());

      assertThat(quick.closedSessions())
          .extracting(kv -> kv.value.closedBy())
          .containsExactly(SessionClose.TIMEOUT);
    }
  }

  @Test
  void shouldCloseTheOpenSessionWhenItsProcessServesAnotherClient() {
    mx.log(smtpd(100, "192.0.2.7").at(1).relayDenied()); // its disconnect line is lost
    mx.log(smtpd(100, "192.0.2.8").at(2).reject(RejectReason.UNKNOWN_RECIPIENT));
    mx.log(smtpd(100, "192.0.2.8").at(3).disconnect("ehlo=1 mail=1 rcpt=0/1 commands=2/3"));

    List<KeyValue<String, SessionRecord>> closed = mx.closedSessions();
    assertThat(closed).extracting(kv -> kv.key).containsExactly("192.0.2.7", "192.0.2.8");
    assertThat(closed.get(0).value.closedBy()).isEqualTo(SessionClose.SUPERSEDED);
    assertThat(closed.get(0).value.relayDenied()).isTrue();
    assertThat(closed.get(1).value.closedBy()).isEqualTo(SessionClose.DISCONNECT);
    assertThat(closed.get(1).value.rejects())
        .containsExactly(Map.entry(RejectReason.UNKNOWN_RECIPIENT, 1));
    assertThat(closed.get(1).value.start()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void shouldStartAFreshSessionWhenAProcessIsReusedForTheSameClient() {
    Smtpd prober = smtpd(100, "203.0.113.66");
    mx.log(prober.at(1).relayDenied());
    mx.log(prober.at(1).relayDenied());
    mx.log(prober.at(1).disconnect("ehlo=1 mail=1 rcpt=0/2 quit=1 commands=3/5"));
    mx.log(prober.at(2).relayDenied());
    mx.log(prober.at(2).disconnect("ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"));

    assertThat(mx.closedSessions())
        .extracting(kv -> kv.value.rejects().get(RejectReason.RELAY_DENIED))
        .containsExactly(2, 1);
  }

  @Test
  void shouldRouteSaslBackendErrorsByHostAndKeepThemOutOfSessions() {
    MailEvent backendDown =
        MailEvent.builder(EventType.SASL_BACKEND_UNAVAILABLE)
            .timestamp(T0)
            .host("mx1")
            .program("postfix/submission/smtpd")
            .pid(3027)
            .mta(Mta.POSTFIX)
            .service("submission")
            .raw("warning: SASL: Connect to Dovecot auth socket 'private/auth' failed")
            .build();

    mx.log(backendDown);
    mx.log(smtpd(1, "192.0.2.1").at(11 * 60).relayDenied());

    assertThat(mx.backendErrors()).containsExactly(KeyValue.pair("mx1", backendDown));
    assertThat(mx.closedSessions()).isEmpty();
  }
}
