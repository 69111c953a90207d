package io.relaywatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalQueriesTest {
  @TempDir Path dir;
  private StoreDriver driver;

  @BeforeEach
  void start() {
    driver = new StoreDriver(dir);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldRankClientsByDenialsInTheirMostRecentWindow() {
    driver
        .session("192.0.2.7", "09:10:00", 4) // an older hour: superseded by 10:xx below
        .session("192.0.2.7", "10:10:00", 2)
        .session("203.0.113.9", "10:20:00", 3)
        .session("10.1.2.3", "08:05:00", 1);

    assertThat(driver.queries().topOffenders(Duration.ofHours(1), 10))
        .extracting(Offender::clientIp, Offender::count, Offender::internal, Offender::windowStart)
        .containsExactly(
            tuple("203.0.113.9", 3L, false, Instant.parse("2026-11-03T10:00:00Z")),
            tuple("192.0.2.7", 2L, false, Instant.parse("2026-11-03T10:00:00Z")),
            tuple("10.1.2.3", 1L, true, Instant.parse("2026-11-03T08:00:00Z")));
  }

  @Test
  void shouldCountDistinctRecipientDomainsAndCutTheListAtTheLimit() {
    driver.session("192.0.2.7", "10:10:00", 3).session("203.0.113.9", "10:20:00", 1);

    assertThat(driver.queries().topOffenders(Duration.ofMinutes(1), 1))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.clientIp()).isEqualTo("192.0.2.7");
              assertThat(o.recipientDomains()).isEqualTo(3);
              assertThat(o.windowEnd()).isEqualTo(Instant.parse("2026-11-03T10:11:00Z"));
            });
  }

  @Test
  void shouldGiveAClientsNewestWindowOfEachSizeAndItsSessionsNewestFirst() {
    driver.session("192.0.2.7", "09:10:00", 4).session("192.0.2.7", "10:10:00", 2);

    LocalQueries queries = driver.queries();
    assertThat(queries.aggregates("192.0.2.7"))
        .extracting(RelayDenialAggregate::windowSize, RelayDenialAggregate::count)
        .containsExactly(tuple("PT1M", 2L), tuple("PT1H", 2L));
    assertThat(queries.sessions("192.0.2.7"))
        .extracting(s -> s.end().toInstant(), SessionRecord::authOutcome)
        .containsExactly(
            tuple(Instant.parse("2026-11-03T10:10:00Z"), AuthOutcome.NEVER_TRIED),
            tuple(Instant.parse("2026-11-03T09:10:00Z"), AuthOutcome.NEVER_TRIED));
    assertThat(queries.aggregates("198.51.100.1")).isEmpty();
    assertThat(queries.sessions("198.51.100.1")).isEmpty();
  }

  @Test
  void shouldKeepEachClientsTwentyNewestSessionsByEndWhateverOrderTheyCloseIn() {
    List<Integer> minutes = new ArrayList<>(IntStream.range(0, 30).boxed().toList());
    Collections.shuffle(minutes, new Random(7));
    for (int minute : minutes) {
      driver.session("192.0.2.1", String.format("10:%02d:00", minute), 1);
    }
    driver.session("192.0.2.10", "11:00:00", 1); // its keys share "192.0.2.1" as a prefix

    assertThat(driver.queries().sessions("192.0.2.1"))
        .extracting(s -> s.end().toInstant())
        .containsExactlyElementsOf(
            IntStream.iterate(29, m -> m >= 10, m -> m - 1)
                .mapToObj(m -> Instant.parse("2026-11-03T10:00:00Z").plusSeconds(60L * m))
                .toList());
    assertThat(driver.queries().sessions("192.0.2.10")).hasSize(1);
  }

  @Test
  void shouldForgetAClientWithoutSessionsForADayOfStreamTime() {
    driver.session("192.0.2.7", "09:00:00", 1).session("203.0.113.9", "13:00:00", 1);

    // A day and a quarter after 192.0.2.7's session, less than a day after 203.0.113.9's (also
    // by the shipping time, which the test driver's one task takes as stream time: noon).
    driver.session(4, "203.0.113.9", "09:15:00", 1);

    assertThat(driver.queries().sessions("192.0.2.7")).isEmpty();
    assertThat(driver.queries().sessions("203.0.113.9")).hasSize(2);
  }
}
