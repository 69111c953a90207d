package io.relaywatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
  private static final List<Duration> SIZES = List.of(Duration.ofMinutes(1), Duration.ofHours(1));

  @Test
  void shouldAcceptAConfiguredWindowAsLabelOrIsoAndDefaultToTheFirst() {
    assertThat(QueryParams.window("1h", SIZES)).isEqualTo(Duration.ofHours(1));
    assertThat(QueryParams.window("PT1M", SIZES)).isEqualTo(Duration.ofMinutes(1));
    assertThat(QueryParams.window("PT60M", SIZES)).isEqualTo(Duration.ofHours(1));
    assertThat(QueryParams.window(null, SIZES)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldRefuseAWindowThatIsNotConfiguredNamingTheSizes() {
    assertThatThrownBy(() -> QueryParams.window("5m<b>", SIZES))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("window must be one of the configured sizes: 1m, 1h");
  }

  @Test
  void shouldBoundTheLimitFromOneToAHundred() {
    assertThat(QueryParams.limit(null)).isEqualTo(20);
    assertThat(QueryParams.limit("1")).isEqualTo(1);
    assertThat(QueryParams.limit("100")).isEqualTo(100);
    for (String bad : List.of("0", "101", "-3", "ten", "1e3")) {
      assertThatThrownBy(() -> QueryParams.limit(bad))
          .isInstanceOf(BadRequestException.class)
          .hasMessage("limit must be a whole number from 1 to 100");
    }
  }

  @Test
  void shouldCanonicaliseClientAddressesAndRefuseAnythingElseWithoutEchoingIt() {
    assertThat(QueryParams.clientIp("2001:DB8:0:0::7")).isEqualTo("2001:db8::7");
    assertThat(QueryParams.clientIp("IPv6:::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    for (String bad : List.of("not-an-ip", "<script>x</script>", "10.0.0.0/8", "mx.example")) {
      assertThatThrownBy(() -> QueryParams.clientIp(bad))
          .isInstanceOf(BadRequestException.class)
          .message()
          .doesNotContain(bad);
    }
  }

  @Test
  void shouldDecodeTheQueryStringAndRefuseBrokenEncoding() {
    assertThat(QueryParams.parse("window=1h&limit=5&x"))
        .containsEntry("window", "1h")
        .containsEntry("limit", "5")
        .containsEntry("x", "");
    assertThat(QueryParams.parse("window=PT1H%20")).containsEntry("window", "PT1H ");
    assertThatThrownBy(() -> QueryParams.parse("window=%zz"))
        .isInstanceOf(BadRequestException.class);
  }
}
