package io.relaywatch.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.IpAddresses;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectReason;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeBurstTest {
  @Test
  void shouldUseAFreshCanonicalOutsideAddressPerProbe() {
    Set<String> ips = new HashSet<>();
    for (int n = 0; n < 5000; n++) {
      String ip = new ProbeBurst(n).clientIp();
      assertThat(IpAddresses.canonical(ip)).isEqualTo(ip);
      assertThat(InternalNetworks.defaults().contains(ip)).isFalse();
      assertThat(ips.add(ip)).isTrue();
    }
  }

  @Test
  void shouldParseAsRelayDenialsToThreeForeignDomainsWithTheCrossingLineLast() {
    List<String> lines = new ProbeBurst(7).lines("Nov 28 17:00:05", "mx1");
    MailLogParser parser = MailLogParser.create(ZoneOffset.UTC);
    Set<String> recipients = new HashSet<>();
    for (String line : lines) {
      ParseResult result = parser.parse(line, Instant.parse("2026-11-28T17:00:06Z"));
      assertThat(result).isInstanceOf(ParseResult.Parsed.class);
      MailEvent event = ((ParseResult.Parsed) result).event();
      assertThat(event.reason()).isEqualTo(RejectReason.RELAY_DENIED);
      assertThat(event.clientIp()).isEqualTo("2001:db8::a:8");
      recipients.add(event.recipientDomain());
    }
    assertThat(lines).hasSize(ProbeBurst.DOMAINS);
    assertThat(recipients).hasSize(3);
    assertThat(new ProbeBurst(7).alertKey()).isEqualTo("open_relay_probe/2001:db8::a:8");
  }
}
