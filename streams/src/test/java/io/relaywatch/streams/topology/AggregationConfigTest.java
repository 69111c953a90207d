package io.relaywatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationConfigTest {
  private static final List<Duration> SIZES = List.of(Duration.ofMinutes(1));

  @Test
  void shouldDefaultToOneMinuteAndOneHourWithADayOfGrace() {
    assertThat(AggregationConfig.DEFAULTS.windowSizes())
        .containsExactly(Duration.ofMinutes(1), Duration.ofHours(1));
    assertThat(AggregationConfig.DEFAULTS.grace()).isEqualTo(Duration.ofDays(1));
    assertThat(AggregationConfig.DEFAULTS.distinctCap()).isEqualTo(1_000);
  }

  @Test
  void shouldLabelWindowSizesForStoreNames() {
    assertThat(RelayDenialAggregation.storeName(Duration.ofMinutes(1)))
        .isEqualTo("relay-denials-1m-store");
    assertThat(RelayDenialAggregation.storeName(Duration.ofHours(1)))
        .isEqualTo("relay-denials-1h-store");
    assertThat(AggregationConfig.label(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(AggregationConfig.label(Duration.ofDays(1))).isEqualTo("1d");
    assertThat(AggregationConfig.label(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  @Test
  void shouldRefuseTheSameWindowSizeTwice() {
    assertThatThrownBy(
            () ->
                new AggregationConfig(
                    List.of(Duration.ofMinutes(1), Duration.ofSeconds(60)),
                    Duration.ZERO,
                    List.of(),
                    1,
                    1))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "aggregation.windowSizes: '[PT1M, PT1M]' is not valid; expected each window size at"
                + " most once");
  }

  @Test
  void shouldRefuseNoWindowSizes() {
    assertThatThrownBy(() -> new AggregationConfig(List.of(), Duration.ZERO, List.of(), 1, 1))
        .hasMessage(
            "aggregation.windowSizes: '[]' is not valid; expected at least one window size, e.g."
                + " [PT1M]");
  }

  @Test
  void shouldRefuseANegativeGrace() {
    assertThatThrownBy(() -> new AggregationConfig(SIZES, Duration.ofSeconds(-1), List.of(), 1, 1))
        .hasMessage(
            "aggregation.grace: 'PT-1S' is not valid; expected a duration of zero or more, e.g."
                + " PT24H");
  }

  @Test
  void shouldRefuseANonPositiveCap() {
    assertThatThrownBy(() -> new AggregationConfig(SIZES, Duration.ZERO, List.of(), 0, 1))
        .hasMessage(
            "aggregation.distinctCap: '0' is not valid; expected a positive number, e.g. 1000");
  }

  @Test
  void shouldTreatSubdomainsOfALocalDomainAsLocalIgnoringCase() {
    var config = AggregationConfig.DEFAULTS.withLocalDomains(List.of("Example.COM"));
    assertThat(config.isLocal("example.com")).isTrue();
    assertThat(config.isLocal("mail.example.com")).isTrue();
    assertThat(config.isLocal("notexample.com")).isFalse();
  }
}
