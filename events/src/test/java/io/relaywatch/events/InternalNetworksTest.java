package io.relaywatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InternalNetworksTest {
  private final InternalNetworks defaults = InternalNetworks.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "127.0.0.5",
        "169.254.10.10",
        "::1",
        "fd00::1",
        "fe80::1",
        "::ffff:192.168.1.1",
        "IPv6:fd12::5"
      })
  void shouldTreatPrivateAndLocalAddressesAsInternal(String address) {
    assertThat(defaults.contains(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.7",
        "172.32.0.1",
        "100.128.0.1",
        "8.8.8.8",
        "2001:db8::1",
        "fec0::1",
        "::2"
      })
  void shouldTreatPublicAddressesAsExternal(String address) {
    assertThat(defaults.contains(address)).isFalse();
  }

  @Test
  void shouldNotCallGarbageInternal() {
    assertThat(defaults.contains("unknown")).isFalse();
    assertThat(defaults.contains((String) null)).isFalse();
    assertThat(defaults.contains("10.0.0.0/8")).isFalse();
  }

  @Test
  void shouldUseConfiguredNetworksOnly() {
    InternalNetworks custom = InternalNetworks.of(List.of("192.0.2.0/24", "2001:db8::/32"));

    assertThat(custom.contains("192.0.2.200")).isTrue();
    assertThat(custom.contains("2001:db8:1::1")).isTrue();
    assertThat(custom.contains("10.0.0.1")).isFalse();
  }

  @Test
  void shouldIgnoreHostBitsUnderThePrefix() {
    assertThat(InternalNetworks.of(List.of("10.1.2.3/8")).contains("10.200.0.1")).isTrue();
  }

  @Test
  void shouldTreatABareAddressAsOneHost() {
    InternalNetworks single = InternalNetworks.of(List.of("203.0.113.9"));

    assertThat(single.contains("203.0.113.9")).isTrue();
    assertThat(single.contains("203.0.113.10")).isFalse();
  }

  @Test
  void shouldNameTheBadEntry() {
    assertThatThrownBy(() -> InternalNetworks.of(List.of("10.0.0.0/8", "10.0.0.0/99")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("internal network '10.0.0.0/99' is not a CIDR network");
    assertThatThrownBy(() -> InternalNetworks.of(List.of("intranet")))
        .hasMessageStartingWith("internal network 'intranet' is not a CIDR network");
  }

  // Found by ConfigLoaderFuzzTest: "1-" was read as a range and threw the library's own exception.
  @ParameterizedTest
  @ValueSource(
      strings = {"1-", "10.0.0.1-10.0.0.9", "10.*", "10.0.0.0/255.0.0.0", "10.1", "0x0a000001"})
  void shouldRefuseRangesWildcardsMasksAndInetAtonFormsWithItsOwnMessage(String entry) {
    assertThatThrownBy(() -> InternalNetworks.of(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("internal network '" + entry + "' is not a CIDR network");
  }
}
