package io.relaywatch.streams.topology;

import static io.relaywatch.streams.topology.DenialTimeline.T0;
import static io.relaywatch.streams.topology.DenialTimeline.denial;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.EventType;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.events.RelayDenialAggregate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines through a test topology; times are seconds after 10:00:00. */
class RelayDenialAggregationTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void shouldCountRelayDenialsPerClientPerWindow() {
    try (var t = new DenialTimeline(AggregationConfig.DEFAULTS)) {
      t.at(1, denial("192.0.2.1")).at(2, denial("192.0.2.2")).at(3, denial("192.0.2.1"));
      List<RelayDenialAggregate> out = t.emitted();

      assertThat(latest(out, "192.0.2.1", MINUTE).count()).isEqualTo(2);
      assertThat(latest(out, "192.0.2.2", MINUTE).count()).isEqualTo(1);
      assertThat(latest(out, "192.0.2.1", HOUR).count()).isEqualTo(2);
      assertThat(latest(out, "192.0.2.1", HOUR).windowStart()).isEqualTo(T0);
      assertThat(latest(out, "192.0.2.1", HOUR).windowEnd()).isEqualTo(T0.plus(HOUR));
    }
  }

  @Test
  void shouldEmitAnUpdatedAggregateForEveryDenial() {
    try (var t = new DenialTimeline(AggregationConfig.DEFAULTS)) {
      t.at(1, denial("192.0.2.1"));
      assertThat(t.emitted(MINUTE)).extracting(RelayDenialAggregate::count).containsExactly(1L);
      t.at(2, denial("192.0.2.1"));
      assertThat(t.emitted(MINUTE)).extracting(RelayDenialAggregate::count).containsExactly(2L);
      // A quiet period does not hold the next update back.
      t.at(50, denial("192.0.2.1"));
      assertThat(t.emitted(MINUTE)).extracting(RelayDenialAggregate::count).containsExactly(3L);
    }
  }

  @Test
  void shouldNotCountRejectWarningsOrOtherRejects() {
    try (var t = new DenialTimeline(AggregationConfig.DEFAULTS)) {
      t.at(1, denial("192.0.2.1").action(RejectAction.REJECT_WARNING))
          .at(2, denial("192.0.2.1").reason(RejectReason.RBL_LISTED))
          .at(3, denial("192.0.2.1").type(EventType.SASL_AUTH_FAILED));
      assertThat(t.emitted()).isEmpty();

      t.at(4, denial("192.0.2.1").action(RejectAction.MILTER_REJECT));
      assertThat(t.emitted(MINUTE)).extracting(RelayDenialAggregate::count).containsExactly(1L);
    }
  }

  @Test
  void shouldStartANewWindowAtTheBoundary() {
    try (var t = new DenialTimeline(AggregationConfig.DEFAULTS)) {
      t.at(59.999, denial("192.0.2.1")).at(60, denial("192.0.2.1"));
      List<RelayDenialAggregate> out = t.emitted();

      assertThat(out.stream().filter(a -> a.windowSize().equals("PT1M")))
          .extracting(
              a -> a.windowStart().toString(), a -> a.windowEnd().toString(), a -> a.count())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "2026-11-03T10:00:00Z", "2026-11-03T10:01:00Z", 1L),
              org.assertj.core.groups.Tuple.tuple(
                  "2026-11-03T10:01:00Z", "2026-11-03T10:02:00Z", 1L));
      assertThat(latest(out, "192.0.2.1", HOUR).count()).isEqualTo(2);
    }
  }

  @Test
  void shouldCountALateDenialWithinGraceAndDropOneAfterIt() {
    var config =
        new AggregationConfig(List.of(MINUTE), Duration.ofSeconds(10), List.of(), 1_000, 20);
    try (var t = new DenialTimeline(config)) {
      t.at(10, denial("192.0.2.1")).at(65, denial("192.0.2.1"));
      t.emitted();

      // Stream time 65 s: the first window ended at 60 s and stays open until 70 s.
      t.at(30, denial("192.0.2.1"));
      RelayDenialAggregate late = t.emitted().get(0);
      assertThat(late.windowStart()).isEqualTo(T0);
      assertThat(late.count()).isEqualTo(2);
      assertThat(late.firstSeen().toInstant()).isEqualTo(T0.plusSeconds(10));
      assertThat(late.lastSeen().toInstant()).isEqualTo(T0.plusSeconds(30));

      // Stream time 75 s: the first window has closed; the denial is dropped and counted as such.
      t.at(75, denial("192.0.2.1"));
      t.emitted();
      t.at(40, denial("192.0.2.1"));
      assertThat(t.emitted()).isEmpty();
      assertThat(t.droppedRecords()).isEqualTo(1.0);
    }
  }

  @Test
  void shouldDescribeTheWindowAndItsClientInEachAggregate() {
    var config = AggregationConfig.DEFAULTS.withLocalDomains(List.of("example.com"));
    try (var t = new DenialTimeline(config)) {
      t.at(1, denial("2001:db8::1", "a.example").sender("ceo@example.com"))
          .at(2, denial("2001:db8::1", "b.example").sender("x@mail.example.com").host("mx2"))
          .at(3, denial("2001:db8::1", "a.example").sender("x@elsewhere.test").smtpCode(454))
          .at(4, denial("2001:db8::1", "c.example").sender("").service("submission"));
      RelayDenialAggregate a = latest(t.emitted(), "2001:db8::1", MINUTE);

      assertThat(a.clientIp()).isEqualTo("2001:db8::1");
      assertThat(a.windowSize()).isEqualTo("PT1M");
      assertThat(a.count()).isEqualTo(4);
      assertThat(a.recipientDomains()).isEqualTo(3);
      assertThat(a.recipientDomainsExact()).isTrue();
      assertThat(a.recipientDomainList()).containsExactly("a.example", "b.example", "c.example");
      // The null sender is neither local nor foreign.
      assertThat(a.senders()).isEqualTo(3);
      assertThat(a.localSenders()).isEqualTo(2);
      assertThat(a.foreignSenders()).isEqualTo(1);
      assertThat(a.services()).containsExactly("smtpd", "submission");
      assertThat(a.smtpCodes()).containsExactly(554, 454);
      assertThat(a.mailHosts()).containsExactly("mx1", "mx2");
      assertThat(a.firstSeen().toInstant()).isEqualTo(T0.plusSeconds(1));
      assertThat(a.lastSeen().toInstant()).isEqualTo(T0.plusSeconds(4));
      assertThat(a.sampleLines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("<victim@"));
      assertThat(a.sampleLines().get(0)).contains("victim@a.example");
    }
  }

  @Test
  void shouldListOnlyTheFirstRecipientDomainsUpToTheLimit() {
    try (var t = new DenialTimeline(AggregationConfig.DEFAULTS)) {
      for (int i = 0; i < 25; i++) {
        t.at(1, denial("192.0.2.1", "d" + i + ".example"));
      }
      RelayDenialAggregate a = latest(t.emitted(), "192.0.2.1", MINUTE);

      assertThat(a.recipientDomains()).isEqualTo(25);
      assertThat(a.recipientDomainList())
          .hasSize(20)
          .startsWith("d0.example")
          .endsWith("d19.example");
    }
  }

  @Test
  void shouldCountDistinctDomainsExactlyUpToTheCapAndEstimateBeyondIt() {
    var config = new AggregationConfig(List.of(MINUTE), Duration.ofHours(1), List.of(), 100, 20);
    try (var t = new DenialTimeline(config)) {
      for (int i = 0; i < 100; i++) {
        t.at(1, denial("192.0.2.1", "d" + i + ".example"));
        t.at(1, denial("192.0.2.1", "d" + i + ".example"));
      }
      RelayDenialAggregate atCap = latest(t.emitted(), "192.0.2.1", MINUTE);
      assertThat(atCap.count()).isEqualTo(200);
      assertThat(atCap.recipientDomains()).isEqualTo(100);
      assertThat(atCap.recipientDomainsExact()).isTrue();

      for (int i = 100; i < 2_000; i++) {
        t.at(2, denial("192.0.2.1", "d" + i + ".example"));
      }
      RelayDenialAggregate beyond = latest(t.emitted(), "192.0.2.1", MINUTE);
      // Precision 12 has a relative standard error of about 1.2%; 5% is more than 4 of them.
      assertThat(beyond.recipientDomainsExact()).isFalse();
      assertThat(beyond.recipientDomains()).isBetween(1_900L, 2_100L);
      assertThat(beyond.senders()).isEqualTo(1);
      assertThat(beyond.sendersExact()).isTrue();
    }
  }

  private static RelayDenialAggregate latest(
      List<RelayDenialAggregate> out, String ip, Duration size) {
    return out.stream()
        .filter(a -> a.clientIp().equals(ip) && a.windowSize().equals(size.toString()))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no aggregate for " + ip + " in " + size));
  }
}
