package io.relaywatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void shouldTakeTheNearestRankOfTheSortedSamples() {
    List<Double> samples = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      samples.add(i * 10.0);
    }
    Collections.shuffle(samples, new Random(8));
    Percentiles p = new Percentiles(samples);

    assertThat(p.count()).isEqualTo(40);
    assertThat(p.at(50)).isEqualTo(200.0); // rank 20 of 40
    assertThat(p.at(90)).isEqualTo(360.0); // rank 36
    assertThat(p.at(99)).isEqualTo(400.0); // rank ceil(39.6) = 40: with 40 samples p99 is the max
    assertThat(p.at(100)).isEqualTo(400.0);
    assertThat(p.max()).isEqualTo(400.0);
  }

  @Test
  void shouldGiveTheOnlySampleForEveryPercentileOfOne() {
    Percentiles p = new Percentiles(List.of(42.0));

    assertThat(p.at(1)).isEqualTo(42.0);
    assertThat(p.at(50)).isEqualTo(42.0);
    assertThat(p.at(99)).isEqualTo(42.0);
  }

  @Test
  void shouldMatchASortedCopyForRandomSamples() {
    Random random = new Random(20261128);
    for (int round = 0; round < 200; round++) {
      List<Double> samples = new ArrayList<>();
      int n = 1 + random.nextInt(100);
      for (int i = 0; i < n; i++) {
        samples.add(random.nextDouble() * 5000);
      }
      Percentiles p = new Percentiles(samples);
      List<Double> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      double percent = 1 + random.nextInt(100);
      double value = p.at(percent);
      long atOrBelow = samples.stream().filter(s -> s <= value).count();
      long below = samples.stream().filter(s -> s < value).count();

      assertThat(atOrBelow).isGreaterThanOrEqualTo((long) Math.ceil(percent / 100 * n));
      assertThat(below).isLessThan((long) Math.ceil(percent / 100 * n));
      assertThat(p.max()).isEqualTo(sorted.get(n - 1));
    }
  }

  @Test
  void shouldBeNaNWithoutSamplesAndRefuseAPercentOutOfRange() {
    Percentiles none = new Percentiles(List.of());

    assertThat(none.at(50)).isNaN();
    assertThat(none.max()).isNaN();
    assertThatThrownBy(() -> none.at(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> none.at(101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldDivideByAPositiveBaselineOnly() {
    assertThat(Percentiles.ratio(1200, 150)).isEqualTo(8.0);
    assertThat(Percentiles.ratio(1200, 0)).isNaN();
    assertThat(Percentiles.ratio(1200, Double.NaN)).isNaN();
  }
}
