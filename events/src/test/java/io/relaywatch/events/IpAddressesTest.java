package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
  @ParameterizedTest
  @CsvSource({
    "192.0.2.7, 192.0.2.7",
    "2001:DB8::1, 2001:db8::1",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "IPv6:2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "::ffff:192.0.2.9, 192.0.2.9",
    "::1, ::1",
  })
  void shouldWriteAddressesInCanonicalForm(String logged, String canonical) {
    assertThat(IpAddresses.canonical(logged)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "unknown", "mail.example.com", "10.0.0.0/8", "1.2.3.*", "300.1.1.1"})
  void shouldRefuseWhatIsNotOneLiteralAddress(String text) {
    assertThat(IpAddresses.canonical(text)).isNull();
  }
}
