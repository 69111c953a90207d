package io.relaywatch.alerts.evidence;

import static io.relaywatch.alerts.evidence.TestRecords.aggregate;
import static io.relaywatch.alerts.evidence.TestRecords.at;
import static io.relaywatch.alerts.evidence.TestRecords.denials;
import static io.relaywatch.alerts.evidence.TestRecords.saslBackendError;
import static io.relaywatch.alerts.evidence.TestRecords.session;
import static io.relaywatch.alerts.evidence.TestRecords.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.DomainEvidence;
import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.HostEvidence;
import io.relaywatch.alerts.engine.SessionStats;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.Mta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvidenceLedgerTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String APP = "10.0.0.5";
  private static final String PROBER = "203.0.113.7";

  private final AtomicInteger evictions = new AtomicInteger();
  private final EvidenceLedger ledger = ledger(100);

  private EvidenceLedger ledger(int maxSubjects) {
    return new EvidenceLedger(
        VerdictConfig.defaults(),
        new LedgerLimits(HOUR, MINUTE, maxSubjects),
        evictions::incrementAndGet);
  }

  @Test
  void shouldSumTheWindowsOfTheConfiguredSizeKeepingTheLatestRecordOfEachWindow() {
    ledger.add(denials(PROBER, 5, 1));
    ledger.add(denials(PROBER, 20, 2)); // supersedes the first: same window
    ledger.add(denials(PROBER, 70, 3)); // next window
    ledger.add(aggregate(PROBER, 70, HOUR, 5, List.of("example.net"))); // other size: skipped

    ClientEvidence client = client(ledger.evidence(at(80)), PROBER).orElseThrow();

    assertThat(client.relayDenials()).isEqualTo(5);
    assertThat(client.localSenders()).isEqualTo(5);
    assertThat(client.services()).containsExactly("smtpd");
    assertThat(client.mailHosts()).containsExactly("mx1");
    assertThat(client.mtas()).isEmpty();
    assertThat(client.firstSeen()).isEqualTo(time(0));
    assertThat(client.lastSeen()).isEqualTo(time(70));
    assertThat(client.sampleLines()).hasSize(1).allMatch(l -> l.contains(PROBER));
  }

  @Test
  void shouldNotLetAnOlderRecordOfAWindowReplaceANewerOne() {
    ledger.add(denials(PROBER, 20, 4));
    ledger.add(denials(PROBER, 5, 1)); // replayed late

    assertThat(client(ledger.evidence(at(30)), PROBER).orElseThrow().relayDenials()).isEqualTo(4);
  }

  @Test
  void shouldKeepDenialsForOneWindowAfterTheirAggregateWindowEnds() {
    // At t=0: 3 denials in the window [0, 60 s). The evaluation window is an hour.
    ledger.add(denials(PROBER, 0, 3));

    assertThat(client(ledger.evidence(at(1800)), PROBER)).isPresent();
    assertThat(client(ledger.evidence(at(3600 + 59)), PROBER)).isPresent();
    assertThat(client(ledger.evidence(at(3600 + 60)), PROBER)).isEmpty();
    assertThat(ledger.subjects()).isZero();
  }

  @Test
  void shouldSeeARecordThatArrivesBetweenTwoEvaluations() {
    ledger.add(denials(PROBER, 0, 1));
    assertThat(client(ledger.evidence(at(10)), PROBER).orElseThrow().relayDenials()).isEqualTo(1);

    ledger.add(denials(PROBER, 15, 2));
    ledger.add(denials(PROBER, 70, 1));

    assertThat(client(ledger.evidence(at(80)), PROBER).orElseThrow().relayDenials()).isEqualTo(3);
    assertThat(client(ledger.evidence(at(3600 + 60)), PROBER).orElseThrow().relayDenials())
        .isEqualTo(1);
  }

  @Test
  void shouldKeepAFewSampleLinesPerClientNotOnePerWindow() {
    for (int minute = 0; minute < 60; minute++) {
      ledger.add(aggregate(PROBER, minute * 60L, MINUTE, 1, List.of("d" + minute + ".example")));
    }

    List<String> samples = client(ledger.evidence(at(3599)), PROBER).orElseThrow().sampleLines();
    // Only the newest windows keep their lines; a late record of an old window does not displace
    // them.
    ledger.add(aggregate(PROBER, 1800, MINUTE, 2, List.of("late.example")));
    List<String> later = client(ledger.evidence(at(3599)), PROBER).orElseThrow().sampleLines();
    List<String> last =
        client(ledger.evidence(at(3600 + 3540)), PROBER).orElseThrow().sampleLines();

    assertThat(samples).hasSize(3).allMatch(l -> l.matches(".*@d5[789]\\.example.*"));
    assertThat(later).isEqualTo(samples);
    assertThat(last).singleElement().matches(l -> l.contains("@d59.example"));
  }

  @Test
  void shouldCountDistinctRecipientDomainsOverTheWindowsAsALowerBound() {
    ledger.add(aggregate(PROBER, 0, MINUTE, 2, List.of("a.example", "b.example")));
    ledger.add(aggregate(PROBER, 60, MINUTE, 2, List.of("B.example", "c.example")));

    ClientEvidence client = client(ledger.evidence(at(90)), PROBER).orElseThrow();

    assertThat(client.recipientDomainList()).containsExactly("a.example", "b.example", "c.example");
    assertThat(client.recipientDomains()).isEqualTo(3);
  }

  @Test
  void shouldTellTheSessionsApartByWhatHappenedToAuth() {
    ledger.add(denials(APP, 0, 4));
    ledger.add(session(APP, 10, AuthOutcome.NEVER_TRIED, true, 0));
    ledger.add(session(APP, 11, AuthOutcome.NEVER_TRIED, true, 0));
    ledger.add(session(APP, 12, AuthOutcome.FAILED, true, 2));
    ledger.add(session(APP, 13, AuthOutcome.SUCCEEDED, true, 1));
    ledger.add(session(APP, 14, AuthOutcome.SUCCEEDED, false, 2));

    SessionStats stats = client(ledger.evidence(at(20)), APP).orElseThrow().sessions();

    assertThat(stats).isEqualTo(new SessionStats(5, 2, 1, 1, 5, 3, List.of("user12", "user14")));
  }

  @Test
  void shouldCapTheFailedUsernamesOfAClient() {
    for (int i = 0; i < 30; i++) {
      ledger.add(session(APP, 100 + i, AuthOutcome.FAILED, false, 1));
    }

    SessionStats stats = client(ledger.evidence(at(200)), APP).orElseThrow().sessions();

    assertThat(stats.authFailures()).isEqualTo(30);
    assertThat(stats.failedUsernames()).hasSize(LedgerLimits.MAX_USERNAMES).startsWith("user100");
  }

  @Test
  void shouldNotTrackAClientForRoutineSessionsOnly() {
    assertThat(ledger.add(session("10.9.9.9", 10, AuthOutcome.SUCCEEDED, false, 1))).isFalse();
    assertThat(ledger.add(session("10.9.9.9", 11, AuthOutcome.NEVER_TRIED, false, 0))).isFalse();

    assertThat(ledger.evidence(at(20))).isEmpty();
  }

  @Test
  void shouldCountRoutineSessionsOfAClientAlreadyTracked() {
    ledger.add(denials(APP, 0, 1));

    assertThat(ledger.add(session(APP, 10, AuthOutcome.SUCCEEDED, false, 1))).isTrue();
    assertThat(client(ledger.evidence(at(20)), APP).orElseThrow().sessions().sessions())
        .isEqualTo(1);
  }

  @Test
  void shouldTrackAClientWithFailingAuthButNoDenial() {
    ledger.add(session(APP, 10, AuthOutcome.FAILED, false, 3));

    ClientEvidence client = client(ledger.evidence(at(20)), APP).orElseThrow();

    assertThat(client.relayDenials()).isZero();
    assertThat(client.sessions().authFailures()).isEqualTo(3);
    assertThat(client.firstSeen()).isEqualTo(time(8));
    assertThat(client.lastSeen()).isEqualTo(time(10));
  }

  @Test
  void shouldForgetSessionsThatLeftTheWindow() {
    ledger.add(session(APP, 10, AuthOutcome.FAILED, true, 1));
    ledger.add(session(APP, 1800, AuthOutcome.FAILED, true, 1));

    SessionStats stats = client(ledger.evidence(at(3600 + 120)), APP).orElseThrow().sessions();

    assertThat(stats.sessions()).isEqualTo(1);
    assertThat(ledger.evidence(at(1800 + 3600 + 120))).isEmpty();
  }

  @Test
  void shouldGatherSaslBackendErrorsPerHost() {
    ledger.addSaslBackendError(saslBackendError("mx1", 0, "No such file or directory"));
    for (int i = 1; i <= 5; i++) {
      ledger.addSaslBackendError(saslBackendError("mx1", i, "No such file or directory"));
    }
    ledger.addSaslBackendError(saslBackendError("mx1", 6, "Connection refused"));
    ledger.addSaslBackendError(saslBackendError("mx2", 7, "Connection refused"));

    List<Evidence> evidence = ledger.evidence(at(10));
    HostEvidence mx1 = host(evidence, "mx1");

    assertThat(mx1.saslBackendErrors()).isEqualTo(7);
    assertThat(mx1.mta()).isEqualTo(Mta.POSTFIX);
    assertThat(mx1.messages()).containsExactly("No such file or directory", "Connection refused");
    assertThat(mx1.sampleLines()).hasSize(3);
    assertThat(mx1.firstSeen()).isEqualTo(time(0));
    assertThat(mx1.lastSeen()).isEqualTo(time(6));
    assertThat(host(evidence, "mx2").saslBackendErrors()).isEqualTo(1);
  }

  @Test
  void shouldCountTheClientsOfARecipientDomainAndWhichOfThemAreExternal() {
    ledger.add(aggregate("198.51.100.1", 0, MINUTE, 4, List.of("ours.example")));
    ledger.add(aggregate("198.51.100.2", 0, MINUTE, 2, List.of("ours.example")));
    ledger.add(aggregate("10.0.0.9", 0, MINUTE, 3, List.of("ours.example", "other.example")));

    DomainEvidence ours = domain(ledger.evidence(at(30)), "ours.example");

    assertThat(ours.clients()).isEqualTo(3);
    assertThat(ours.externalClients()).isEqualTo(2);
    // 4 + 2 from the single-domain windows, at least 1 from the window with two domains.
    assertThat(ours.relayDenials()).isEqualTo(7);
    assertThat(ours.sampleLines()).isNotEmpty().allMatch(l -> l.contains("@ours.example"));
  }

  @Test
  void shouldEvictTheLeastRecentlyUpdatedSubjectBeyondTheCap() {
    EvidenceLedger small = ledger(2);
    small.add(denials("203.0.113.1", 0, 1));
    small.add(denials("203.0.113.2", 1, 1));
    small.add(denials("203.0.113.1", 2, 2)); // updated: .2 is now the eldest
    small.add(denials("203.0.113.3", 3, 1));

    List<Evidence> evidence = small.evidence(at(10));

    assertThat(evidence).extracting(Evidence::subject).contains("203.0.113.1", "203.0.113.3");
    assertThat(client(evidence, "203.0.113.2")).isEmpty();
    assertThat(evictions).hasValue(1);
    assertThat(small.subjects()).isEqualTo(2);
  }

  @Test
  void shouldAgreeWithASimpleSumOverRandomAggregates() {
    for (long seed = 1; seed <= 20; seed++) {
      java.util.Random random = new java.util.Random(seed);
      EvidenceLedger l = ledger(1000);
      long[] latest = new long[240]; // per minute window: the highest count written
      long written = 0;
      for (int i = 0; i < 500; i++) {
        int minute = random.nextInt(latest.length);
        long count = 1 + random.nextInt(50);
        l.add(denials(PROBER, minute * 60L + random.nextInt(60), count));
        latest[minute] = Math.max(latest[minute], count);
        written++;
      }
      Instant now = at(200 * 60L + 30);
      long expected = 0;
      for (int m = 0; m < latest.length; m++) {
        // Window [m, m+1) minutes is in when it ends after now - 1 h.
        if ((m + 1) * 60L > 200 * 60L + 30 - 3600) {
          expected += latest[m];
        }
      }
      long actual = client(l.evidence(now), PROBER).map(ClientEvidence::relayDenials).orElse(0L);
      assertThat(actual).as("seed %d, %d records", seed, written).isEqualTo(expected);
    }
  }

  private static Optional<ClientEvidence> client(List<Evidence> evidence, String ip) {
    return evidence.stream()
        .filter(e -> e instanceof ClientEvidence c && c.clientIp().equals(ip))
        .map(ClientEvidence.class::cast)
        .findFirst();
  }

  private static HostEvidence host(List<Evidence> evidence, String host) {
    return evidence.stream()
        .filter(e -> e instanceof HostEvidence h && h.host().equals(host))
        .map(HostEvidence.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static DomainEvidence domain(List<Evidence> evidence, String domain) {
    return evidence.stream()
        .filter(e -> e instanceof DomainEvidence d && d.domain().equals(domain))
        .map(DomainEvidence.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
