package io.relaywatch.alerts.audit;

import static io.relaywatch.alerts.audit.Audits.SAFE;
import static io.relaywatch.alerts.audit.Audits.SAFE_MASTER;
import static io.relaywatch.alerts.audit.Audits.only;
import static io.relaywatch.alerts.audit.Audits.run;
import static io.relaywatch.alerts.audit.Audits.verdicts;
import static io.relaywatch.alerts.audit.Audits.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import org.junit.jupiter.api.Test;

/** Each check against postconf texts: the safe configuration passes, each unsafe one is named. */
class AuditChecksTest {
  @Test
  void shouldFindNothingInASafeConfiguration() {
    Audit.Report report = run(SAFE, SAFE_MASTER);

    assertThat(report.findings()).isEmpty();
    assertThat(report.notes()).anyMatch(n -> n.contains("only with --live"));
  }

  @Test
  void shouldFlagMynetworksCoveringEverythingAndProposeTheInternalNetwork() {
    Finding f =
        only(
            run(with(SAFE, "mynetworks", "0.0.0.0/0"), SAFE_MASTER, "127.0.0.0/27", "::1"),
            Verdict.MYNETWORKS_TOO_WIDE);

    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.subject()).isEqualTo("mx1.example.com");
    assertThat(f.summary()).contains("0.0.0.0/0").contains("open relay");
    assertThat(f.evidence()).contains("mynetworks = 0.0.0.0/0");
    assertThat(f.fix().postfix())
        .containsExactly(
            "postconf -e 'mynetworks = 127.0.0.0/27'", "postfix check && postfix reload");
  }

  @Test
  void shouldNarrowTheDebianDefaultToTheInternalNetworksAndLoopback() {
    Finding f = only(run(SAFE, SAFE_MASTER, "127.0.0.0/27", "::1"), Verdict.MYNETWORKS_TOO_WIDE);

    // [::ffff:127.0.0.0]/104 is 127.0.0.0/8 again: named once.
    assertThat(f.summary()).containsOnlyOnce("127.0.0.0/8");
    assertThat(f.fix().postfix().get(0))
        .isEqualTo("postconf -e 'mynetworks = 127.0.0.0/27 [::1]/128'");
  }

  @Test
  void shouldNeverProposeANetworkWiderThanASlash24EvenWhenInternal() {
    Finding f =
        only(
            run(with(SAFE, "mynetworks", "0.0.0.0/0 [::]/0"), SAFE_MASTER),
            Verdict.MYNETWORKS_TOO_WIDE);

    // Default internal networks are all wider than /24 except ::1; loopback stays as a host.
    assertThat(f.fix().postfix().get(0))
        .isEqualTo("postconf -e 'mynetworks = 127.0.0.1/32 [::1]/128'");
    assertThat(f.fix().summary()).contains("wider than that are left out");
  }

  @Test
  void shouldKeepNarrowInternalEntriesAndDropOutsideOnes() {
    Finding f =
        only(
            run(with(SAFE, "mynetworks", "10.1.2.0/24, 192.0.2.7 127.0.0.1/32"), SAFE_MASTER),
            Verdict.MYNETWORKS_TOO_WIDE);

    assertThat(f.summary()).contains("192.0.2.7/32").doesNotContain("10.1.2.0/24");
    assertThat(f.fix().postfix().get(0))
        .isEqualTo("postconf -e 'mynetworks = 10.1.2.0/24 127.0.0.1/32'");
  }

  @Test
  void shouldExpandParameterReferencesInMynetworks() {
    String config =
        with(SAFE, "mynetworks", "$office_networks 127.0.0.0/8")
            + "office_networks = 198.51.100.0/24\n";

    Finding f = only(run(config, SAFE_MASTER), Verdict.MYNETWORKS_TOO_WIDE);

    assertThat(f.summary()).contains("198.51.100.0/24");
  }

  @Test
  void shouldAcceptTheDebianDefaultWithDefaultInternalNetworks() {
    assertThat(verdicts(run(SAFE, SAFE_MASTER))).doesNotContain(Verdict.MYNETWORKS_TOO_WIDE);
  }

  @Test
  void shouldFlagSubnetStyleWhenMynetworksIsUnsetAndTheCompatibilityLevelIsOld() {
    String unset = with(with(SAFE, "mynetworks", null), "compatibility_level", null);

    Finding f = only(run(unset, SAFE_MASTER), Verdict.MYNETWORKS_TOO_WIDE);

    assertThat(f.summary()).contains("mynetworks_style");
    assertThat(f.evidence()).contains("mynetworks_style = subnet  (default)");
    assertThat(verdicts(run(with(SAFE, "mynetworks", null), SAFE_MASTER)))
        .doesNotContain(Verdict.MYNETWORKS_TOO_WIDE);
    assertThat(verdicts(run(with(unset, "mynetworks_style", "host"), SAFE_MASTER)))
        .doesNotContain(Verdict.MYNETWORKS_TOO_WIDE);
  }

  @Test
  void shouldRemoveAMasterCfOverrideOfMynetworks() {
    String master =
        SAFE_MASTER.replace("-o syslog_name=postfix/submission", "-o mynetworks=0.0.0.0/0");

    Finding f = only(run(SAFE, master), Verdict.MYNETWORKS_TOO_WIDE);

    assertThat(f.summary()).contains("submission/inet");
    assertThat(f.fix().postfix())
        .containsExactly(
            "postconf -PX 'submission/inet/mynetworks'", "postfix check && postfix reload");
  }

  @Test
  void shouldFlagRelayRestrictionsThatDoNotClose() {
    for (String open :
        new String[] {
          "permit",
          "permit_mynetworks, permit, reject_unauth_destination",
          "permit_mynetworks, warn_if_reject reject_unauth_destination",
          "permit_mynetworks permit_sasl_authenticated",
        }) {
      Finding f =
          only(
              run(with(SAFE, "smtpd_relay_restrictions", open), SAFE_MASTER),
              Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);
      assertThat(f.severity()).as(open).isEqualTo(Severity.CRITICAL);
      assertThat(f.summary()).contains("smtp/inet", "submission/inet");
      assertThat(f.fix().postfix())
          .first()
          .isEqualTo(
              "postconf -e 'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated,"
                  + " defer_unauth_destination'");
    }
  }

  @Test
  void shouldTakeTheOldEmptyRelayDefaultAndLetTheRecipientListClose() {
    String old = with(with(SAFE, "smtpd_relay_restrictions", null), "compatibility_level", null);

    assertThat(verdicts(run(old, SAFE_MASTER))).contains(Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);
    String closedByRecipient =
        old
            + "smtpd_recipient_restrictions = permit_mynetworks,"
            + " permit_sasl_authenticated, reject_unauth_destination\n";
    assertThat(verdicts(run(closedByRecipient, SAFE_MASTER)))
        .doesNotContain(Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);
    assertThat(verdicts(run(with(SAFE, "smtpd_relay_restrictions", null), SAFE_MASTER)))
        .doesNotContain(Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);
  }

  @Test
  void shouldNotFlagAPermitAfterTheClosingRestrictionOrWhenTheOtherListCloses() {
    String after =
        with(
            SAFE,
            "smtpd_relay_restrictions",
            "permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination, permit");
    String otherCloses =
        with(SAFE, "smtpd_relay_restrictions", "permit")
            + "smtpd_recipient_restrictions = permit_sasl_authenticated, reject_unauth_destination\n";

    assertThat(verdicts(run(after, SAFE_MASTER))).isEmpty();
    assertThat(verdicts(run(otherCloses, SAFE_MASTER))).isEmpty();
  }

  @Test
  void shouldSetAnOpenMasterCfOverrideWithPostconfP() {
    String master =
        SAFE_MASTER.replace(
            "-o syslog_name=postfix/submission",
            "-o { smtpd_relay_restrictions = permit_sasl_authenticated, permit }");

    Finding f = only(run(SAFE, master), Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);

    assertThat(f.summary()).contains("submission/inet").doesNotContain("smtp/inet");
    assertThat(f.fix().postfix())
        .first()
        .isEqualTo(
            "postconf -P 'submission/inet/smtpd_relay_restrictions=permit_mynetworks,"
                + "permit_sasl_authenticated,defer_unauth_destination'");
  }

  @Test
  void shouldFlagSaslWithoutPermitSaslAuthenticatedInEitherList() {
    Finding relay =
        only(
            run(
                with(
                    SAFE,
                    "smtpd_relay_restrictions",
                    "permit_mynetworks, reject_unauth_destination"),
                SAFE_MASTER),
            Verdict.SASL_NOT_PERMITTED_FOR_RELAY);
    Finding recipient =
        only(
            run(
                SAFE
                    + "smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n",
                SAFE_MASTER),
            Verdict.SASL_NOT_PERMITTED_FOR_RELAY);

    assertThat(relay.subject()).isEqualTo("mx1.example.com");
    assertThat(relay.clientIp()).isNull();
    assertThat(relay.fix().postfix()).first().asString().contains("permit_sasl_authenticated");
    assertThat(recipient.fix().summary()).contains("smtpd_recipient_restrictions also refuses");
    assertThat(
            verdicts(
                run(
                    with(
                        with(
                            SAFE,
                            "smtpd_relay_restrictions",
                            "permit_mynetworks, reject_unauth_destination"),
                        "smtpd_sasl_auth_enable",
                        "no"),
                    SAFE_MASTER.replace("-o smtpd_sasl_auth_enable=yes", ""))))
        .isEmpty();
  }

  @Test
  void shouldFlagAuthOfferedWithoutTls() {
    Finding f =
        only(
            run(with(SAFE, "smtpd_tls_auth_only", null), SAFE_MASTER),
            Verdict.TLS_AUTH_NOT_REQUIRED);

    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    // submission requires TLS, so only port 25 offers AUTH in clear.
    assertThat(f.summary()).contains("smtp/inet").doesNotContain("submission");
    assertThat(f.fix().postfix())
        .containsExactly(
            "postconf -e 'smtpd_tls_auth_only = yes'", "postfix check && postfix reload");
    assertThat(
            verdicts(
                run(
                    with(with(SAFE, "smtpd_tls_auth_only", null), "smtpd_sasl_auth_enable", "no"),
                    SAFE_MASTER.replace("-o smtpd_sasl_auth_enable=yes", ""))))
        .isEmpty();
  }

  @Test
  void shouldFlagASubmissionServiceThatDoesNotRequireTls() {
    String master =
        SAFE_MASTER.replace("smtpd_tls_security_level=encrypt", "smtpd_tls_security_level=may");

    Finding f = only(run(SAFE, master), Verdict.SUBMISSION_NOT_ENCRYPTED);

    assertThat(f.fix().postfix())
        .containsExactly(
            "postconf -P 'submission/inet/smtpd_tls_security_level=encrypt'",
            "postfix check && postfix reload");
    assertThat(f.evidence()).anyMatch(e -> e.startsWith("submission inet"));
  }

  @Test
  void shouldStillCheckMainCfWhenMasterCfHasNoSmtpdService() {
    Audit.Report report =
        run(with(SAFE, "smtpd_relay_restrictions", "permit"), "pickup unix n - y 60 1 pickup\n");

    assertThat(verdicts(report)).contains(Verdict.RELAY_RESTRICTIONS_NOT_CLOSED);
    assertThat(report.notes()).anyMatch(n -> n.contains("no submission service"));
  }

  @Test
  void shouldSayWhatItCouldNotCheckWithoutMasterCf() {
    Audit.Report report = run(SAFE, null);

    assertThat(report.findings()).isEmpty();
    assertThat(report.notes()).anyMatch(n -> n.contains("submission service not checked"));
  }

  @Test
  void shouldReadPostconfMOutputLikeMasterCf() {
    String postconfM =
        "smtp       inet  n       -       y       -       -       smtpd\n"
            + "submission inet  n       -       y       -       -       smtpd -o"
            + " syslog_name=postfix/submission -o smtpd_tls_security_level=may -o"
            + " {smtpd_relay_restrictions=permit_sasl_authenticated, reject}\n";

    assertThat(verdicts(run(SAFE, postconfM))).containsExactly(Verdict.SUBMISSION_NOT_ENCRYPTED);
  }
}
