package io.relaywatch.alerts.engine;

import static io.relaywatch.alerts.engine.Clients.client;
import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.relaywatch.events.Finding;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Log text is written by whoever connects. Whatever it holds, commands and config lines are built
 * from validated values only, and mynetworks only ever gains one internal host.
 */
class AdversarialInputTest {
  private static final List<String> HOSTILE =
      List.of(
          "$(rm -rf /)",
          "`reboot`",
          "'; rm -rf / #",
          "\"quoted\" and 'single'",
          "a; b && c | d",
          "line one\nline two\r\nsmtpd_relay_restrictions = permit",
          "[10.0.0.1]",
          "${IFS}cat${IFS}/etc/shadow",
          "<script>alert(1)</script>",
          "**bold** [link](http://evil.example)");

  private static final Pattern MYNETWORKS_SET = Pattern.compile("mynetworks = (.*?)'");

  /** A client whose every log-text field carries the hostile text. */
  private static ClientEvidence hostile(ClientEvidence base, String text) {
    return new ClientEvidence(
        base.clientIp(),
        base.relayDenials(),
        base.recipientDomains(),
        List.of(text, "gmail.com"),
        base.localSenders(),
        base.foreignSenders(),
        Set.of(text, "smtpd"),
        base.mtas(),
        Set.of(text),
        new SessionStats(
            base.sessions().sessions(),
            base.sessions().deniedNeverTriedAuth(),
            base.sessions().deniedAfterAuthFailure(),
            base.sessions().deniedAuthenticated(),
            base.sessions().authAttempts(),
            base.sessions().authFailures(),
            List.of(text, text)),
        base.firstSeen(),
        base.lastSeen(),
        List.of(
            "Nov 28 mail postfix/smtpd[1]: NOQUEUE: reject: RCPT from "
                + text
                + "["
                + base.clientIp()
                + "]: 554 5.7.1 Relay access denied; from=<"
                + text
                + "> helo=<"
                + text
                + ">"),
        MessageStats.NONE);
  }

  private static List<ClientEvidence> scenarios() {
    return List.of(
        client("10.1.2.3").denials(5).localSenders(5).on("smtpd").build(),
        client("::ffff:10.1.2.3").denials(5).localSenders(5).on("smtpd").build(),
        client("203.0.113.9").denials(12).foreignSenders(12).on("smtpd").build(),
        client("198.51.100.4").denials(3).localSenders(3).on("submission").build(),
        client("198.51.100.5").denials(3).localSenders(3).on("submission").failedAuth(3).build(),
        client("10.20.0.4").authFailures(9).build(),
        client("198.51.100.6").denials(3).on("submission").authenticated(3).build());
  }

  @Test
  void shouldKeepLogTextOutOfEveryCommandAndSummary() {
    VerdictEngine engine =
        VerdictEngine.create(Sites.withMynetworks("127.0.0.0/8")).withMinCount(1);
    for (ClientEvidence scenario : scenarios()) {
      List<Finding> benign = engine.evaluate(scenario);
      assertThat(benign).as(scenario.clientIp()).hasSize(1);
      for (String text : HOSTILE) {
        List<Finding> findings = engine.evaluate(hostile(scenario, text));

        assertThat(findings).as(text).hasSize(1);
        Finding finding = findings.get(0);
        // The log text changes nothing a person pastes.
        assertThat(FixText.commands(finding)).isEqualTo(FixText.commands(benign.get(0)));
        assertThat(finding.fix()).isEqualTo(benign.get(0).fix());
        assertThat(finding.summary())
            .doesNotContain(text)
            .doesNotContain("rm -rf", "reboot", "IFS", "<script>");
        assertThat(finding.subject()).doesNotContain(text);
        // Evidence stays raw, for receivers to escape.
        assertThat(finding.evidence())
            .containsExactlyElementsOf(hostile(scenario, text).sampleLines());
      }
    }
  }

  @Test
  void shouldNotBeFooledByFakeAddressTextInTheRawLine() {
    ClientEvidence prober =
        client("203.0.113.9")
            .denials(12)
            .to("gmail.com")
            .foreignSenders(12)
            .localSenders(0)
            .on("smtpd")
            .line("RCPT from x[10.0.0.1][203.0.113.9]: 554 Relay access denied; helo=<[10.0.0.1]>")
            .build();

    Finding finding = VerdictEngine.create(Sites.site()).evaluate(prober).get(0);

    assertThat(finding.verdict()).isEqualTo(Verdict.OPEN_RELAY_PROBE);
    assertThat(FixText.commands(finding)).noneMatch(c -> c.contains("10.0.0.1"));
    assertThat(FixText.commands(finding)).noneMatch(c -> c.contains("mynetworks ="));
  }

  @Test
  void shouldOnlyEverAddOneInternalHostToMynetworksWhateverTheInput() {
    Random random = new Random(20261128L);
    List<VerdictConfig> configs =
        List.of(
            Sites.site(),
            Sites.withMynetworks("127.0.0.0/8 [::1]/128"),
            Sites.withInternal("0.0.0.0/0", "::/0"),
            Sites.withInternal("10.0.0.0/8"),
            new VerdictConfig(
                InternalNetworks.defaults(),
                InternalNetworks.of(List.of("10.0.0.0/8")),
                Set.of("example.org"),
                Optional.of("127.0.0.0/8 $(id)"),
                Mta.EXIM));
    List<VerdictEngine> engines =
        configs.stream().map(c -> VerdictEngine.create(c).withMinCount(1)).toList();
    int proposals = 0;
    for (int i = 0; i < 5000; i++) {
      int which = random.nextInt(configs.size());
      VerdictConfig config = configs.get(which);
      String ip = randomAddressText(random);
      ClientEvidence evidence =
          hostile(randomClient(random, ip), HOSTILE.get(random.nextInt(HOSTILE.size())));
      for (Finding finding : engines.get(which).evaluate(evidence)) {
        proposals += checkMynetworks(finding, config, ip);
      }
    }
    assertThat(proposals).as("the random inputs reach the mynetworks proposal").isGreaterThan(100);
  }

  private static int checkMynetworks(Finding finding, VerdictConfig config, String ipText) {
    IPAddress client = new IPAddressString(finding.clientIp()).getAddress();
    assertThat(client).as(ipText).isNotNull();
    assertThat(client.isMultiple()).isFalse();
    int found = 0;
    for (String command : FixText.commands(finding)) {
      assertThat(command).doesNotContain("$(rm", "`reboot`", "IFS", "<script>", "\n");
      Matcher set = MYNETWORKS_SET.matcher(command);
      if (set.find()) {
        assertThat(finding.verdict()).isEqualTo(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
        String[] entries = set.group(1).split(" ");
        String added = entries[entries.length - 1];
        assertThat(added).matches("[0-9.]+/32|\\[[0-9a-f:]+\\]/128");
        IPAddress host = new IPAddressString(added.replace("[", "").replace("]", "")).getAddress();
        assertThat(host.getPrefixLength()).isGreaterThanOrEqualTo(client.isIPv4() ? 24 : 64);
        assertThat(host.toZeroHost().withoutPrefixLength().toCanonicalString())
            .isEqualTo(finding.clientIp());
        assertThat(config.internal().contains(client)).isTrue();
        found++;
      }
      if (command.startsWith("hostlist relay_from_hosts")) {
        assertThat(command).endsWith("; " + finding.clientIp());
        assertThat(config.internal().contains(client)).isTrue();
      }
    }
    return found;
  }

  private static ClientEvidence randomClient(Random random, String ip) {
    Clients c =
        client(ip)
            .denials(1 + random.nextInt(20))
            .localSenders(random.nextInt(3))
            .foreignSenders(random.nextInt(3))
            .on(List.of("smtpd", "submission", "smtps").get(random.nextInt(3)));
    if (random.nextInt(3) == 0) {
      c.failedAuth(1 + random.nextInt(3));
    }
    return c.build();
  }

  private static String randomAddressText(Random random) {
    List<String> forms = new ArrayList<>();
    int a = random.nextInt(256);
    int b = random.nextInt(256);
    forms.add("10." + a + "." + b + "." + random.nextInt(256));
    forms.add("192.168." + a + "." + b);
    forms.add("203.0.113." + a);
    forms.add("::ffff:10." + a + ".1." + b);
    forms.add("fd00::" + Integer.toHexString(a * 256 + b));
    forms.add("2001:db8::" + Integer.toHexString(a));
    forms.add("10." + a + "." + b); // not an address: three parts
    forms.add("10." + a + ".0.0/16");
    forms.add("10." + a + ".1.1; reboot");
    forms.add("$(echo 10." + a + ".1.1)");
    forms.add("fd00::1%eth" + a);
    forms.add("");
    return forms.get(random.nextInt(forms.size()));
  }
}
