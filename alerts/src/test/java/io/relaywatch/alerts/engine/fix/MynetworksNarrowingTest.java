package io.relaywatch.alerts.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.IpAddresses;
import io.relaywatch.events.Mta;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MynetworksNarrowingTest {
  private static VerdictConfig site(String mynetworks) {
    return new VerdictConfig(
        InternalNetworks.of(List.of("10.0.0.0/8", "fc00::/7", "127.0.0.0/8")),
        InternalNetworks.of(List.of()),
        Set.of(),
        Optional.ofNullable(mynetworks),
        Mta.POSTFIX);
  }

  private static IPAddress ip(String text) {
    return IpAddresses.parse(text);
  }

  @Test
  void shouldNameTheCoveringEntriesAndKeepOnlyNarrowInternalOnes() {
    MynetworksNarrowing n =
        MynetworksNarrowing.of(
            ip("203.0.113.9"),
            site(
                "127.0.0.0/8 10.1.2.0/24 10.9.9.9 [fc00::]/64 [fc00::]/48 203.0.113.0/24 0.0.0.0/0"));

    assertThat(n.covering()).containsExactly("203.0.113.0/24", "0.0.0.0/0");
    assertThat(n.kept()).containsExactly("10.1.2.0/24", "10.9.9.9", "[fc00::]/64");
    assertThat(n.dropped())
        .containsExactly("127.0.0.0/8", "[fc00::]/48", "203.0.113.0/24", "0.0.0.0/0");
    assertThat(n.canPropose()).isTrue();
    assertThat(n.narrowedValue()).isEqualTo("10.1.2.0/24 10.9.9.9 [fc00::]/64");
  }

  @Test
  void shouldNarrowATooWideEntryToTheInternalNetworksInsideIt() {
    VerdictConfig narrow =
        new VerdictConfig(
            InternalNetworks.of(List.of("127.0.0.0/27", "::1", "192.168.0.0/16")),
            InternalNetworks.of(List.of()),
            Set.of(),
            Optional.of("127.0.0.0/8 [::1]/128 192.168.0.0/16"),
            Mta.POSTFIX);

    MynetworksNarrowing n = MynetworksNarrowing.of(ip("127.0.0.66"), narrow);

    assertThat(n.covering()).containsExactly("127.0.0.0/8");
    assertThat(n.narrowedValue()).isEqualTo("127.0.0.0/27 [::1]/128");
    assertThat(n.dropped()).containsExactly("127.0.0.0/8", "192.168.0.0/16");
    assertThat(n.canPropose()).isTrue();
  }

  @Test
  void shouldProposeNothingWhenNothingIsSafeOrTheValueIsUnknown() {
    assertThat(MynetworksNarrowing.of(ip("203.0.113.9"), site("0.0.0.0/0")).canPropose()).isFalse();
    assertThat(MynetworksNarrowing.of(ip("203.0.113.9"), site(null)).known()).isFalse();
    assertThat(MynetworksNarrowing.of(ip("203.0.113.9"), site("10.0.0.0/24; reboot")).known())
        .isFalse();
  }

  @Test
  void shouldNeverKeepAnEntryOutsideInternalOrTheConfiguredValueOrWiderThanTheLimit() {
    Random random = new Random(7);
    for (int i = 0; i < 3_000; i++) {
      VerdictConfig config =
          new VerdictConfig(
              InternalNetworks.of(List.of(randomCidr(random), randomCidr(random))),
              InternalNetworks.of(List.of()),
              Set.of(),
              Optional.of(randomCidr(random) + " " + randomCidr(random)),
              Mta.POSTFIX);
      List<IPAddress> configured =
          ConfiguredMynetworks.parse(config.postfixMynetworks()).entries().stream()
              .map(e -> ConfiguredMynetworks.network(e).orElseThrow())
              .toList();
      MynetworksNarrowing n = MynetworksNarrowing.of(ip("203.0.113.9"), config);
      for (String kept : n.kept()) {
        IPAddress network = ConfiguredMynetworks.network(kept).orElseThrow();
        assertThat(network.getNetworkPrefixLength()).as(kept).isGreaterThanOrEqualTo(24);
        assertThat(config.internal().contains(network)).as(kept).isTrue();
        assertThat(configured).as(kept).anyMatch(c -> c.contains(network));
      }
    }
  }

  private static String randomCidr(Random random) {
    return (random.nextBoolean() ? "10." : random.nextInt(256) + ".")
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + ".0/"
        + random.nextInt(33);
  }
}
