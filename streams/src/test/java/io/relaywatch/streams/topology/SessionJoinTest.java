package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.Smtpd.smtpd;
import static io.relaywatch.streams.topology.Smtpd.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** The offline session join gives the sessions the topology gives, and ends a log cleanly. */
class SessionJoinTest {
  private static final String[] CLIENTS = {
    "192.0.2.7", "192.0.2.8", "10.1.2.3", "203.0.113.66", "2001:db8::25"
  };

  private final List<SessionRecord> closed = new ArrayList<>();
  private final List<Long> closedAt = new ArrayList<>();

  private SessionJoin join(SessionConfig config, int maxOpen) {
    return SessionJoin.inMemory(
        config,
        maxOpen,
        (session, time) -> {
          closed.add(session);
          closedAt.add(time);
        });
  }

  @Test
  void shouldCloseTheSameSessionsAsTheTopologyOverRandomLogs() {
    SessionConfig config = SessionConfig.withTimeout(Duration.ofMinutes(5));
    Set<SessionClose> seen = EnumSet.noneOf(SessionClose.class);
    for (long seed = 1; seed <= 6; seed++) {
      List<MailEvent> log = randomLog(new Random(seed), 400);
      closed.clear();
      SessionJoin offline = join(config, 1_000);
      log.forEach(offline::accept);
      try (SessionDriver topology = new SessionDriver(config)) {
        log.forEach(topology::log);
        List<KeyValue<String, SessionRecord>> expected = topology.closedSessions();
        assertThat(closed)
            .as("seed %d", seed)
            .isEqualTo(expected.stream().map(kv -> kv.value).toList());
        assertThat(expected).allSatisfy(kv -> assertThat(kv.key).isEqualTo(kv.value.clientIp()));
      }
      closed.forEach(session -> seen.add(session.closedBy()));
    }
    assertThat(seen)
        .as("every way a session ends was tried")
        .containsExactlyInAnyOrder(SessionClose.values());
  }

  @Test
  void shouldCloseTheSameSessionsAsTheTopologyOverTheRealPostfixCapture() throws Exception {
    MailLogParser parser = MailLogParser.create(ZoneId.of("UTC"));
    List<MailEvent> log = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/fixtures/postfix-real/mail.log")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (parser.parse(line, Instant.parse("2026-11-28T12:00:03Z"))
            instanceof ParseResult.Parsed parsed) {
          log.add(parsed.event());
        }
      }
    }
    SessionJoin offline = join(SessionConfig.defaults(), 1_000);
    log.forEach(offline::accept);
    offline.flush();

    try (SessionDriver topology = new SessionDriver(SessionConfig.defaults())) {
      log.forEach(topology::log);
      assertThat(closed)
          .hasSizeGreaterThan(10)
          .isEqualTo(topology.closedSessions().stream().map(kv -> kv.value).toList());
    }
  }

  /** Up to four processes serving random clients, with gaps past the timeout and late lines. */
  private static List<MailEvent> randomLog(Random random, int lines) {
    List<MailEvent> log = new ArrayList<>();
    long second = 0;
    for (int i = 0; i < lines; i++) {
      int gap = random.nextInt(20);
      second += gap == 0 ? 6 * 60 : gap == 1 ? -30 : random.nextInt(40);
      second = Math.max(0, second);
      int pid = 100 + random.nextInt(4);
      String client = CLIENTS[random.nextInt(CLIENTS.length)];
      Smtpd smtpd = (pid % 2 == 0 ? smtpd(pid, client) : submission(pid, client)).at(second);
      log.add(randomLine(random, smtpd));
    }
    return log;
  }

  private static MailEvent randomLine(Random random, Smtpd smtpd) {
    return switch (random.nextInt(9)) {
      case 0 -> smtpd.authFailed("user" + random.nextInt(3));
      case 1 -> smtpd.login("alice");
      case 2, 3 -> smtpd.relayDenied();
      case 4 -> smtpd.reject(RejectReason.UNKNOWN_RECIPIENT);
      case 5 -> smtpd.reject(RejectAction.REJECT_WARNING, RejectReason.CLIENT_REJECTED).build();
      case 6 -> smtpd.disconnect("ehlo=1 auth=0/1 mail=1 rcpt=0/1 quit=1 commands=3/5");
      case 7 -> backendDown(smtpd.authFailed("x").timestamp());
      default -> smtpd.disconnect("ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6");
    };
  }

  /** A line that is no session's but still moves the log's time on. */
  private static MailEvent backendDown(OffsetDateTime at) {
    return MailEvent.builder(EventType.SASL_BACKEND_UNAVAILABLE)
        .timestamp(at)
        .host("mx1")
        .mta(Mta.POSTFIX)
        .program("postfix/submission/smtpd")
        .pid(3027)
        .raw("warning: SASL: Connect to Dovecot auth socket 'private/auth' failed")
        .build();
  }

  @Test
  void shouldCloseTheSessionsStillOpenAtTheEndOfTheLogAsTimedOut() {
    SessionJoin offline = join(SessionConfig.defaults(), 1_000);
    offline.accept(smtpd(100, "192.0.2.7").at(0).authFailed("bob"));
    offline.accept(smtpd(100, "192.0.2.7").at(1).relayDenied());
    offline.accept(smtpd(200, "192.0.2.8").at(2).relayDenied());
    assertThat(closed).isEmpty();

    offline.flush();

    assertThat(closed)
        .extracting(SessionRecord::clientIp)
        .containsExactly("192.0.2.7", "192.0.2.8");
    assertThat(closed).extracting(SessionRecord::closedBy).containsOnly(SessionClose.TIMEOUT);
    assertThat(closed.get(0).authOutcome()).isEqualTo(AuthOutcome.FAILED);
    assertThat(closed.get(0).relayDenied()).isTrue();
    assertThat(closedAt)
        .containsExactly(
            Smtpd.T0.plusSeconds(1).toInstant().toEpochMilli(),
            Smtpd.T0.plusSeconds(2).toInstant().toEpochMilli());
    offline.flush();
    assertThat(closed).as("flushed once").hasSize(2);
  }

  @Test
  void shouldNotTimeOutAHostCatchingUpOnTheNewerLinesOfAnotherHost() {
    // mx2's shipper catches up two hours of its log while mx1 is current, on the same partition.
    Smtpd current = smtpd(100, "192.0.2.7");
    Smtpd late = smtpd(300, "192.0.2.9").on("mx2");
    List<MailEvent> log =
        List.of(
            current.at(7200).relayDenied(),
            late.at(0).authFailed("bob"),
            current.at(7260).relayDenied(),
            late.at(5).relayDenied(),
            current.at(7320).relayDenied(),
            late.at(6).disconnect("ehlo=1 auth=0/1 mail=1 rcpt=0/1 quit=1 commands=3/5"));
    SessionJoin offline = join(SessionConfig.defaults(), 1_000);
    log.forEach(offline::accept);

    assertThat(closed)
        .singleElement()
        .satisfies(
            session -> {
              assertThat(session.clientIp()).isEqualTo("192.0.2.9");
              assertThat(session.closedBy()).isEqualTo(SessionClose.DISCONNECT);
              assertThat(session.authOutcome()).isEqualTo(AuthOutcome.FAILED);
              assertThat(session.relayDenied()).isTrue();
            });
    try (SessionDriver topology = new SessionDriver(SessionConfig.defaults())) {
      log.forEach(topology::log);
      assertThat(topology.closedSessions()).extracting(kv -> kv.value).isEqualTo(closed);
    }
  }

  @Test
  void shouldTimeOutAHostsQuietSessionOnThatHostsOwnLogTime() {
    SessionJoin offline = join(SessionConfig.defaults(), 1_000);
    offline.accept(smtpd(300, "192.0.2.9").on("mx2").at(0).relayDenied());
    offline.accept(smtpd(100, "192.0.2.7").at(3600).relayDenied()); // mx1 an hour on
    assertThat(closed).as("mx2 has logged nothing since").isEmpty();

    offline.accept(smtpd(301, "192.0.2.10").on("mx2").at(660).relayDenied());

    assertThat(closed).extracting(SessionRecord::clientIp).containsExactly("192.0.2.9");
    assertThat(closed).extracting(SessionRecord::closedBy).containsOnly(SessionClose.TIMEOUT);
  }

  @Test
  void shouldIgnoreLinesTheTopologyDoesNotCorrelate() {
    SessionJoin offline = join(SessionConfig.defaults(), 1_000);
    offline.accept(
        MailEvent.builder(EventType.REJECT)
            .timestamp(Smtpd.T0)
            .host("mx1")
            .mta(Mta.EXIM)
            .program("exim")
            .clientIp("192.0.2.7")
            .reason(RejectReason.RELAY_DENIED)
            .action(RejectAction.REJECT)
            .raw("exim relay not permitted")
            .build());
    offline.accept(backendDown(Smtpd.T0));
    offline.flush();

    assertThat(closed).isEmpty();
  }

  @Test
  void shouldCloseTheQuieterHalfEarlyWhenTooManySessionsAreOpen() {
    SessionJoin offline = join(SessionConfig.defaults(), 4);
    for (int pid = 1; pid <= 5; pid++) {
      offline.accept(smtpd(pid, "192.0.2." + pid).at(pid).relayDenied());
    }

    assertThat(offline.evicted()).isEqualTo(2);
    assertThat(closed)
        .extracting(SessionRecord::clientIp)
        .containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(closed).extracting(SessionRecord::closedBy).containsOnly(SessionClose.TIMEOUT);
    offline.flush();
    assertThat(closed).hasSize(5);
  }
}
