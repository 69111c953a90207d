package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.CommandCount;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Postfix capture (fixtures/postfix-real, scenarios in its README) through the parser and
 * session correlation: each scenario's client gets the session its lines describe.
 */
class RealPostfixSessionsTest {
  private static final String MAIL_LOG = "/fixtures/postfix-real/mail.log";

  /** The capture time, as expected.yaml gives it: the year reference of the RFC 3164 headers. */
  private static final Instant CAPTURED = Instant.parse("2026-11-28T12:00:03Z");

  private static SessionDriver mx;
  private static List<KeyValue<String, SessionRecord>> sessions;

  @BeforeAll
  static void replayTheCapture() {
    MailLogParser parser = MailLogParser.create(ZoneId.of("UTC"));
    mx = new SessionDriver(SessionConfig.defaults());
    for (String line : mailLog()) {
      if (parser.parse(line, CAPTURED) instanceof ParseResult.Parsed parsed) {
        mx.log(parsed.event());
      }
    }
    sessions = mx.closedSessions();
  }

  @AfterAll
  static void stop() {
    mx.close();
  }

  private static List<SessionRecord> sessionsOf(String clientIp) {
    return sessions.stream().filter(kv -> kv.key.equals(clientIp)).map(kv -> kv.value).toList();
  }

  private static SessionRecord onlySessionOf(String clientIp) {
    List<SessionRecord> of = sessionsOf(clientIp);
    assertThat(of).as("sessions of %s", clientIp).hasSize(1);
    return of.get(0);
  }

  @Test
  void shouldCloseEverySmtpdSessionOfTheCaptureByItsDisconnect() {
    assertThat(sessions)
        .extracting(kv -> kv.key)
        .containsExactly(
            "127.0.0.5",
            "127.0.0.66",
            "127.0.0.66",
            "127.0.0.20",
            "127.0.0.21",
            "127.0.0.30",
            "127.0.0.31",
            "127.0.0.40",
            "127.0.0.6",
            "127.0.0.7",
            "127.0.0.8",
            "127.0.0.10",
            "127.0.0.11",
            "127.0.0.9",
            "127.0.0.13",
            "127.0.0.1",
            "::1");
    assertThat(sessions)
        .allSatisfy(kv -> assertThat(kv.value.closedBy()).isEqualTo(SessionClose.DISCONNECT));
  }

  @Test
  void shouldShowTheInternalAppOnPort25WasDeniedRelayWithoutTryingAuth() {
    SessionRecord app = onlySessionOf("127.0.0.5");
    assertThat(app.authOutcome()).isEqualTo(AuthOutcome.NEVER_TRIED);
    assertThat(app.relayDenied()).isTrue();
    assertThat(app.rejects()).containsExactly(Map.entry(RejectReason.RELAY_DENIED, 1));
    assertThat(app.service()).isEqualTo("smtpd");
    assertThat(app.clientHost()).isEqualTo("app01.example.test");
    assertThat(app.commands()).containsEntry("rcpt", new CommandCount(0, 1));
  }

  @Test
  void shouldSplitTheProbersTwoSessionsOnOneProcess() {
    assertThat(sessionsOf("127.0.0.66"))
        .extracting(s -> s.rejects().get(RejectReason.RELAY_DENIED))
        .containsExactly(3, 2);
    assertThat(sessionsOf("127.0.0.66"))
        .allSatisfy(s -> assertThat(s.authOutcome()).isEqualTo(AuthOutcome.NEVER_TRIED));
  }

  @Test
  void shouldShowWrongPasswordsAsFailedAuth() {
    for (String client : List.of("127.0.0.30", "127.0.0.31")) {
      SessionRecord session = onlySessionOf(client);
      assertThat(session.authOutcome()).as(client).isEqualTo(AuthOutcome.FAILED);
      assertThat(session.authAttempts()).as(client).isEqualTo(1);
      assertThat(session.authFailures()).as(client).isEqualTo(1);
      assertThat(session.failedUsernames()).as(client).containsExactly("alice");
      assertThat(session.service()).as(client).isEqualTo("submission");
      assertThat(session.relayDenied()).as(client).isFalse();
    }
  }

  @Test
  void shouldShowTheLoginThatSentMailAsAuthenticated() {
    SessionRecord laptop = onlySessionOf("127.0.0.40");
    assertThat(laptop.authOutcome()).isEqualTo(AuthOutcome.SUCCEEDED);
    assertThat(laptop.saslUsername()).isEqualTo("alice");
    assertThat(laptop.rejects()).isEmpty();
  }

  @Test
  void shouldShowSubmissionWithoutAuthAsDeniedAndNeverTried() {
    SessionRecord client = onlySessionOf("127.0.0.20");
    assertThat(client.authOutcome()).isEqualTo(AuthOutcome.NEVER_TRIED);
    assertThat(client.relayDenied()).isTrue();
    assertThat(onlySessionOf("127.0.0.21").rejects()).isEmpty();
    assertThat(onlySessionOf("127.0.0.21").commands())
        .containsEntry("mail", new CommandCount(0, 1));
  }

  @Test
  void shouldCountEachOtherRejectUnderItsReason() {
    assertThat(onlySessionOf("127.0.0.6").rejects())
        .containsOnlyKeys(RejectReason.UNKNOWN_RECIPIENT);
    assertThat(onlySessionOf("127.0.0.7").rejects()).containsOnlyKeys(RejectReason.HELO_REJECTED);
    assertThat(onlySessionOf("127.0.0.8").rejects()).containsOnlyKeys(RejectReason.HELO_REJECTED);
    assertThat(onlySessionOf("127.0.0.10").rejects())
        .containsOnlyKeys(RejectReason.SENDER_REJECTED);
    assertThat(onlySessionOf("127.0.0.11").rejects())
        .containsOnlyKeys(RejectReason.SENDER_REJECTED);
    assertThat(onlySessionOf("127.0.0.13").rejects())
        .containsOnlyKeys(RejectReason.CLIENT_REJECTED);
    assertThat(onlySessionOf("127.0.0.9").rejects()).as("reject_warning is a dry run").isEmpty();
    assertThat(onlySessionOf("::1").relayDenied()).isTrue();
  }

  @Test
  void shouldRouteTheDovecotOutageByHostNotIntoASession() {
    assertThat(mx.backendErrors())
        .extracting(kv -> kv.key, kv -> kv.value.pid())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mx", 3027),
            org.assertj.core.groups.Tuple.tuple("mx", 3027));
    assertThat(sessionsOf("127.0.0.50")).isEmpty();
    assertThat(sessionsOf("127.0.0.70")).as("postscreen is not an smtpd session").isEmpty();
  }

  private static List<String> mailLog() {
    try (InputStream in = RealPostfixSessionsTest.class.getResourceAsStream(MAIL_LOG)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + MAIL_LOG);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + MAIL_LOG, e);
    }
  }
}
