package io.relaywatch.alerts.engine;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Site configurations for tests: default internal networks, example.org as the local domain. */
final class Sites {
  private Sites() {}

  static VerdictConfig site() {
    return site(Optional.empty());
  }

  static VerdictConfig site(Optional<String> mynetworks) {
    return new VerdictConfig(
        InternalNetworks.defaults(),
        InternalNetworks.of(List.of()),
        Set.of("example.org", "example.net"),
        mynetworks,
        Mta.POSTFIX);
  }

  static VerdictConfig withMynetworks(String mynetworks) {
    return site(Optional.of(mynetworks));
  }

  static VerdictConfig withInternal(String... cidrs) {
    VerdictConfig base = site(Optional.of("127.0.0.0/8"));
    return new VerdictConfig(
        InternalNetworks.of(List.of(cidrs)),
        base.trusted(),
        base.localDomains(),
        base.postfixMynetworks(),
        base.mta());
  }

  static VerdictConfig withMta(Mta mta) {
    VerdictConfig base = site();
    return new VerdictConfig(
        base.internal(), base.trusted(), base.localDomains(), base.postfixMynetworks(), mta);
  }
}
