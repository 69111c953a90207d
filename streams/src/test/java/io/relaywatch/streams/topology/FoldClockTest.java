package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.Smtpd.smtpd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The folds' event-time clock: scans like a stream-time punctuator, and survives a restart. */
class FoldClockTest {
  private static final long MINUTE = 60_000;

  private final List<Long> scans = new ArrayList<>();

  @Test
  void shouldScanOnTheFirstEventThenOnEachMultipleOfTheIntervalPassed() {
    FoldClock clock = new FoldClock(Duration.ofMinutes(1));
    long t0 = 100 * MINUTE + 30_000;

    clock.advance(t0, scans::add);
    clock.advance(t0 + 20_000, scans::add);
    clock.advance(t0 + 31_000, scans::add);
    clock.advance(t0 + 5 * MINUTE, scans::add);

    assertThat(scans).containsExactly(t0, t0 + 31_000, t0 + 5 * MINUTE);
  }

  @Test
  void shouldNotMoveBackForALateEvent() {
    FoldClock clock = new FoldClock(Duration.ofMinutes(1));
    clock.advance(10 * MINUTE, scans::add);
    clock.advance(12 * MINUTE, scans::add);
    clock.advance(5 * MINUTE, scans::add);

    assertThat(scans).containsExactly(10 * MINUTE, 12 * MINUTE);
  }

  @Test
  void shouldSetTheClockAgainFromTheFirstEventAfterARestart() {
    List<SessionRecord> closed = new ArrayList<>();
    // The open sessions survive the restart, as a state store's do; the clock does not.
    OpenItems<OpenSession> store =
        new MemoryItems<>(1_000, OpenSession::lastSeenMillis, session -> {});
    SessionJoin before = join(store, closed);
    before.accept(smtpd(100, "192.0.2.7").at(0).relayDenied());

    SessionJoin after = join(store, closed);
    after.accept(smtpd(200, "192.0.2.8").at(9 * 60).relayDenied());
    assertThat(closed).as("9 minutes quiet: still open after the restart").isEmpty();
    after.accept(smtpd(200, "192.0.2.8").at(11 * 60).relayDenied());

    assertThat(closed)
        .extracting(SessionRecord::clientIp, SessionRecord::closedBy)
        .containsExactly(tuple("192.0.2.7", SessionClose.TIMEOUT));
  }

  private static SessionJoin join(OpenItems<OpenSession> store, List<SessionRecord> closed) {
    return new SessionJoin(
        SessionConfig.withTimeout(Duration.ofMinutes(10)),
        store,
        (session, time) -> closed.add(session));
  }
}
