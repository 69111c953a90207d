package io.relaywatch.alerts.audit;

import static io.relaywatch.alerts.audit.Audits.SAFE;
import static io.relaywatch.alerts.audit.Audits.SAFE_MASTER;
import static io.relaywatch.alerts.audit.Audits.run;
import static io.relaywatch.alerts.audit.Audits.with;
import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.events.Finding;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Configuration text never reaches a command: hostile values in every parameter the checks read
 * leave every proposed line plain, and a proposed mynetworks never leaves networks.internal.
 */
class AuditSafetyTest {
  private static final List<String> HOSTILE =
      List.of(
          "'; rm -rf / #",
          "$(touch /tmp/pwned)",
          "`id`",
          "\"quoted\"",
          "a;b|c&d",
          "x' 'y",
          "\u202e\u001b[31m",
          "0.0.0.0/0';reboot;'",
          "${{$compatibility_level} <level {2} ? {a} : {b}}",
          "{ permit }",
          "\\");
  private static final Pattern PLAIN_COMMAND =
      Pattern.compile(
          "postconf -(e|P|PX) '[A-Za-z0-9_ =,./:\\[\\]-]*'( '[A-Za-z0-9_ =,./:\\[\\]-]*')*");
  private static final List<String> PARAMETERS =
      List.of(
          "mynetworks",
          "mynetworks_style",
          "myhostname",
          "smtpd_relay_restrictions",
          "smtpd_recipient_restrictions",
          "smtpd_sasl_auth_enable",
          "smtpd_sasl_path",
          "smtpd_tls_auth_only",
          "compatibility_level");

  @Test
  void shouldKeepHostileConfigurationTextOutOfEveryCommand() {
    Random random = new Random(20261128L);
    int findings = 0;
    for (int i = 0; i < 500; i++) {
      String hostile = HOSTILE.get(random.nextInt(HOSTILE.size()));
      String config = SAFE;
      String parameter = PARAMETERS.get(random.nextInt(PARAMETERS.size()));
      String value = random.nextBoolean() ? hostile : "0.0.0.0/0 " + hostile + " permit";
      config = with(config, parameter, value);
      String master =
          SAFE_MASTER.replace(
              random.nextBoolean() ? "submission" : "syslog_name=postfix/submission",
              random.nextBoolean() ? "sub'mission;" : "smtpd_relay_restrictions=" + hostile);
      for (Finding f : run(config, master, "127.0.0.0/27", "::1").findings()) {
        findings++;
        assertPlain(f, hostile);
      }
    }
    assertThat(findings).isGreaterThan(100);
  }

  private static void assertPlain(Finding f, String hostile) {
    for (String line : f.fix().postfix()) {
      assertThat(
              line.equals(PostfixLines.CHECK_AND_RELOAD) || PLAIN_COMMAND.matcher(line).matches())
          .as("%s: %s", f.verdict(), line)
          .isTrue();
      assertThat(Argv.split(line.equals(PostfixLines.CHECK_AND_RELOAD) ? "postfix check" : line))
          .isPresent();
      assertThat(line).doesNotContain(hostile);
    }
    assertThat(f.summary()).doesNotContain(hostile);
    assertThat(f.subject()).matches("[a-z0-9.-]+");
  }

  @Test
  void shouldProposeOnlyNarrowEntriesInsideTheInternalNetworks() {
    Random random = new Random(42L);
    int proposals = 0;
    int withEntries = 0;
    for (int i = 0; i < 300; i++) {
      List<String> internal =
          randomNetworks(random, 1 + random.nextInt(3)).stream()
              .map(n -> n.replace("[", "").replace("]", ""))
              .toList();
      String mynetworks = String.join(" ", randomNetworks(random, 1 + random.nextInt(4)));
      Audit.Report report =
          run(with(SAFE, "mynetworks", mynetworks), SAFE_MASTER, internal.toArray(String[]::new));
      InternalNetworks inside = InternalNetworks.of(internal);
      for (Finding f : report.findings()) {
        if (f.verdict() == Verdict.MYNETWORKS_TOO_WIDE) {
          assertNarrowAndInside(f.fix().postfix().get(0), inside, internal + " / " + mynetworks);
          proposals++;
          withEntries += f.fix().postfix().get(0).endsWith("='") ? 0 : 1;
        }
      }
    }
    assertThat(proposals).isGreaterThan(100);
    assertThat(withEntries).isGreaterThan(30);
  }

  private static void assertNarrowAndInside(String command, InternalNetworks inside, String what) {
    String value = command.substring(command.indexOf('=') + 1, command.length() - 1).strip();
    for (String entry : value.isEmpty() ? new String[0] : value.split(" ")) {
      IPAddress network =
          new IPAddressString(entry.replace("[", "").replace("]", "")).getAddress().toPrefixBlock();
      int prefix = network.getNetworkPrefixLength();
      assertThat(prefix).as(what).isGreaterThanOrEqualTo(network.isIPv4() ? 24 : 64);
      assertThat(inside.contains(network.getLower()) && inside.contains(network.getUpper()))
          .as("%s: %s", what, entry)
          .isTrue();
    }
  }

  private static List<String> randomNetworks(Random random, int n) {
    List<String> networks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) == 0) {
        networks.add(
            "[2001:db8:"
                + Integer.toHexString(random.nextInt(4))
                + "::]/"
                + (48 + random.nextInt(81)));
      } else {
        networks.add(
            (random.nextBoolean() ? 10 : 192)
                + "."
                + random.nextInt(4)
                + "."
                + random.nextInt(4)
                + ".0/"
                + (8 + random.nextInt(25)));
      }
    }
    return networks;
  }

  @Test
  void shouldSplitOnlyPlainCommands() {
    assertThat(Argv.split("postconf -e 'mynetworks = 127.0.0.0/27 [::1]/128'"))
        .contains(List.of("postconf", "-e", "mynetworks = 127.0.0.0/27 [::1]/128"));
    assertThat(Argv.split("postconf -P 'submission/inet/smtpd_tls_security_level=encrypt'"))
        .contains(List.of("postconf", "-P", "submission/inet/smtpd_tls_security_level=encrypt"));
    for (String unsafe :
        List.of(
            "postconf -e 'a = $(id)'",
            "postconf -e a; reboot",
            "postconf -e 'open",
            "postconf -e \"x\"",
            "postconf `id`",
            "postconf -e [x]",
            "postconf -e 'a\nb'",
            "postfix check && postfix reload")) {
      assertThat(Argv.split(unsafe)).as(unsafe).isEmpty();
    }
  }
}
