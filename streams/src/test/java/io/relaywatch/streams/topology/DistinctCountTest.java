package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.JsonSerde;
import org.junit.jupiter.api.Test;

class DistinctCountTest {
  private static final JsonSerde<DistinctCount> SERDE = new JsonSerde<>(DistinctCount.class);

  private static DistinctCount roundTrip(DistinctCount count) {
    return SERDE.deserializer().deserialize("t", SERDE.serializer().serialize("t", count));
  }

  @Test
  void shouldCountExactlyUpToTheCapAcrossStoreRoundTrips() {
    DistinctCount count = new DistinctCount();
    for (int i = 0; i < 1_000; i++) {
      count.add("d" + (i % 600) + ".example", 1_000);
      if (i % 100 == 0) {
        count = roundTrip(count);
      }
    }
    assertThat(count.exact()).isTrue();
    assertThat(roundTrip(count).count()).isEqualTo(600);
  }

  @Test
  void shouldEstimateWithinThreeStandardErrorsBeyondTheCap() {
    DistinctCount count = new DistinctCount();
    for (int i = 0; i < 100_000; i++) {
      count.add("d" + i + ".example", 1_000);
    }
    DistinctCount restored = roundTrip(count);
    assertThat(restored.exact()).isFalse();
    // Relative standard error about 1.2% at precision 12: three of them is 3.6%.
    assertThat(restored.count()).isBetween(96_400L, 103_600L).isEqualTo(count.count());
  }

  @Test
  void shouldNeverEstimateBelowWhatWasCountedExactly() {
    DistinctCount count = new DistinctCount();
    for (int i = 0; i < 1_001; i++) {
      count.add("d" + i + ".example", 1_000);
    }
    assertThat(count.exact()).isFalse();
    assertThat(count.count()).isGreaterThanOrEqualTo(1_001);
  }

  @Test
  void shouldKeepTheStoredStateSmall() {
    DistinctCount exact = new DistinctCount();
    DistinctCount estimated = new DistinctCount();
    for (int i = 0; i < 5_000; i++) {
      estimated.add("a-rather-long-recipient-domain-" + i + ".example", 1_000);
      if (i < 1_000) {
        exact.add("a-rather-long-recipient-domain-" + i + ".example", 1_000);
      }
    }
    // 8 bytes per exact value in base64, 4 KiB of sketch in base64.
    assertThat(SERDE.serializer().serialize("t", exact).length).isLessThan(11_000);
    assertThat(SERDE.serializer().serialize("t", estimated).length).isLessThan(5_600);
  }
}
