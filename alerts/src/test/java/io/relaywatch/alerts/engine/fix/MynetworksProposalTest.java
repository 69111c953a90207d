package io.relaywatch.alerts.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.MynetworksProposal.Add;
import io.relaywatch.alerts.engine.fix.MynetworksProposal.AlreadyCovered;
import io.relaywatch.alerts.engine.fix.MynetworksProposal.Refused;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What may be proposed for mynetworks, whatever the rules decide. */
class MynetworksProposalTest {
  private static VerdictConfig config(List<String> internal, String mynetworks) {
    return new VerdictConfig(
        InternalNetworks.of(internal),
        InternalNetworks.of(List.of()),
        Set.of("example.org"),
        Optional.ofNullable(mynetworks),
        Mta.POSTFIX);
  }

  private static VerdictConfig defaults(String mynetworks) {
    return config(InternalNetworks.DEFAULT_CIDRS, mynetworks);
  }

  @Test
  void shouldProposeASingleIpv4HostInsideTheInternalNetworks() {
    Add add = (Add) MynetworksProposal.of("10.1.2.3", defaults("127.0.0.0/8"));

    assertThat(add.entry()).isEqualTo("10.1.2.3/32");
    assertThat(add.newValue()).isEqualTo("127.0.0.0/8 10.1.2.3/32");
    assertThat(add.postfixCommands())
        .containsExactly(
            "postconf -e 'mynetworks = 127.0.0.0/8 10.1.2.3/32'",
            "postfix check && postfix reload");
  }

  @Test
  void shouldProposeABracketedIpv6HostWithA128() {
    Add add = (Add) MynetworksProposal.of("FD00:0:0::1", defaults(null));

    assertThat(add.entry()).isEqualTo("[fd00::1]/128");
    assertThat(add.eximLine())
        .isEqualTo("hostlist relay_from_hosts = <; 127.0.0.1 ; ::1 ; fd00::1");
  }

  @Test
  void shouldRefuseAnAddressOutsideTheInternalNetworks() {
    assertThat(MynetworksProposal.of("203.0.113.7", defaults(null))).isInstanceOf(Refused.class);
    assertThat(MynetworksProposal.of("2001:db8::7", defaults(null))).isInstanceOf(Refused.class);
    assertThat(MynetworksProposal.of("::ffff:203.0.113.7", defaults(null)))
        .isInstanceOf(Refused.class);
  }

  @Test
  void shouldProposeOnlyASingleHostEvenWhenEverythingIsInternal() {
    VerdictConfig everything = config(List.of("0.0.0.0/0", "::/0"), "127.0.0.0/8");

    assertThat(((Add) MynetworksProposal.of("203.0.113.7", everything)).entry())
        .isEqualTo("203.0.113.7/32");
    assertThat(((Add) MynetworksProposal.of("2001:db8::7", everything)).entry())
        .isEqualTo("[2001:db8::7]/128");
    assertThat(MynetworksProposal.of("0.0.0.0", everything)).isInstanceOf(Refused.class);
    assertThat(MynetworksProposal.of("::", everything)).isInstanceOf(Refused.class);
    assertThat(MynetworksProposal.of("255.255.255.255", everything)).isInstanceOf(Refused.class);
    assertThat(MynetworksProposal.of("224.0.0.1", everything)).isInstanceOf(Refused.class);
  }

  @Test
  void shouldRefuseNetworksAndAnythingThatIsNotOnePlainAddress() {
    VerdictConfig everything = config(List.of("0.0.0.0/0", "::/0"), null);
    for (String text :
        List.of(
            "10.0.0.0/8",
            "10.0.0.0/24",
            "fd00::/64",
            "10.1.2",
            "010.1.2.3",
            "10.1.2.3 ",
            "10.1.2.*",
            "10.1.2.3-10.1.2.9",
            "fe80::1%eth0",
            "[10.0.0.1]",
            "10.1.2.3'",
            "$(id)",
            "")) {
      assertThat(MynetworksProposal.of(text, everything)).as(text).isInstanceOf(Refused.class);
    }
    assertThat(MynetworksProposal.of(null, everything)).isInstanceOf(Refused.class);
  }

  @Test
  void shouldNotLetAnAddProposalBeBuiltForANetwork() {
    ConfiguredMynetworks none = ConfiguredMynetworks.parse(Optional.empty());

    for (String[] bad :
        new String[][] {
          {"10.0.0.0", "10.0.0.0/8"},
          {"10.1.2.3", "10.1.2.4/32"},
          {"10.1.2.3", "10.1.2.3/24"},
          {"fd00::1", "[fd00::]/64"},
          {"0.0.0.0", "0.0.0.0/0"},
          {"10.1.2.3; id", "10.1.2.3/32"}
        }) {
      assertThatThrownBy(() -> new Add(bad[0], bad[1], none))
          .as(bad[1])
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new Add("fd00::1", "[fd00::1]/128", none).entry()).isEqualTo("[fd00::1]/128");
  }

  @Test
  void shouldSayWhichConfiguredEntryAlreadyCoversTheClient() {
    assertThat(MynetworksProposal.of("10.1.2.3", defaults("127.0.0.0/8, 10.1.0.0/16")))
        .isEqualTo(new AlreadyCovered("10.1.2.3", "10.1.0.0/16"));
    assertThat(MynetworksProposal.of("::ffff:10.1.2.3", defaults("10.1.2.3")))
        .isEqualTo(new AlreadyCovered("10.1.2.3", "10.1.2.3"));
    assertThat(MynetworksProposal.of("fd00::1", defaults("[fd00::]/64")))
        .isEqualTo(new AlreadyCovered("fd00::1", "[fd00::]/64"));
  }

  @Test
  void shouldRepeatAConfiguredValueOfPlainEntries() {
    String value =
        "127.0.0.0/8 [::1]/128 $mynetworks_default cidr:/etc/postfix/network.cidr relay.example.org";

    Add add = (Add) MynetworksProposal.of("192.168.1.20", defaults(value));

    assertThat(add.newValue()).isEqualTo(value + " 192.168.1.20/32");
    assertThat(add.needsCurrentValue()).isFalse();
  }

  @Test
  void shouldFallBackToAPlaceholderForAConfiguredValueItCannotRepeatSafely() {
    for (String unsafe :
        List.of(
            "127.0.0.0/8 '$(rm -rf /)'",
            "127.0.0.0/8 `reboot`",
            "127.0.0.0/8; reboot",
            "127.0.0.0/8 \"10.0.0.0/8\"",
            "127.0.0.0/8\nsmtpd_relay_restrictions = permit",
            "fd00::/64",
            "10.0.0.0/8 !10.1.0.0/16",
            "999.1.1.1/8",
            "hash:/etc/postfix/x;id",
            "x".repeat(5000))) {
      Add add = (Add) MynetworksProposal.of("10.1.2.3", defaults(unsafe));

      assertThat(add.current().unsafe()).as(unsafe).isTrue();
      assertThat(add.newValue()).isEqualTo("CURRENT 10.1.2.3/32");
      assertThat(String.join("\n", add.postfixCommands()))
          .doesNotContain("rm -rf", "reboot", "\"", "!");
    }
  }

  @Test
  void shouldTellNotConfiguredFromUnsafe() {
    ConfiguredMynetworks absent = ConfiguredMynetworks.parse(Optional.empty());
    ConfiguredMynetworks unsafe = ConfiguredMynetworks.parse(Optional.of("a'b"));
    ConfiguredMynetworks literal = ConfiguredMynetworks.parse(Optional.of("127.0.0.0/8"));

    assertThat(absent.configured()).isFalse();
    assertThat(absent.unsafe()).isFalse();
    assertThat(unsafe.unsafe()).isTrue();
    assertThat(literal.onlyLiterals()).isTrue();
    assertThat(
            ConfiguredMynetworks.parse(Optional.of("127.0.0.0/8 mail.example.org")).onlyLiterals())
        .isFalse();
  }
}
