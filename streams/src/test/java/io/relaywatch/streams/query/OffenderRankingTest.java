package io.relaywatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffenderRankingTest {
  private static final Instant TEN = Instant.parse("2026-11-03T10:00:00Z");
  private static final Instant NINE = Instant.parse("2026-11-03T09:00:00Z");

  private static Offender row(String ip, long count, Instant windowStart, int lastMinute) {
    OffsetDateTime last = OffsetDateTime.parse("2026-11-03T10:00:00Z").plusMinutes(lastMinute);
    return new Offender(
        ip, count, 1, false, last, last, windowStart, windowStart.plusSeconds(3600));
  }

  @Test
  void shouldMergeLocalTopListsIntoOneOrderedByCountThenLatestThenAddress() {
    List<Offender> instanceA = List.of(row("192.0.2.7", 3, TEN, 5), row("192.0.2.9", 2, TEN, 9));
    List<Offender> instanceB =
        List.of(
            row("198.51.100.1", 5, TEN, 1),
            row("198.51.100.2", 2, TEN, 9),
            row("198.51.100.3", 2, TEN, 20));

    List<Offender> all = new ArrayList<>(instanceA);
    all.addAll(instanceB);
    assertThat(OffenderRanking.top(all, 4))
        .extracting(Offender::clientIp, Offender::count)
        .containsExactly(
            tuple("198.51.100.1", 5L),
            tuple("192.0.2.7", 3L),
            tuple("198.51.100.3", 2L),
            tuple("192.0.2.9", 2L));
  }

  @Test
  void shouldKeepTheNewestWindowOfAClientReportedTwice() {
    // A partition that just moved can be answered by its old and its new owner.
    assertThat(
            OffenderRanking.top(
                List.of(row("192.0.2.7", 9, NINE, 0), row("192.0.2.7", 1, TEN, 0)), 5))
        .extracting(Offender::count, Offender::windowStart)
        .containsExactly(tuple(1L, TEN));
  }
}
