package io.relaywatch.alerts.engine;

import static io.relaywatch.alerts.engine.Clients.client;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The authentication family: {@code client_not_authenticating}, {@code sasl_auth_failing} and
 * {@code sasl_not_permitted_for_relay}.
 */
class AuthVerdictsTest {
  private final VerdictEngine engine = VerdictEngine.create(Sites.site());

  private List<Verdict> verdicts(Clients client) {
    return engine.evaluate(client.build()).stream().map(Finding::verdict).toList();
  }

  @Test
  void shouldTellASubmissionClientWithoutAuthToAuthenticate() {
    Finding finding =
        engine
            .evaluate(
                client("198.51.100.40")
                    .denials(4)
                    .localSenders(4)
                    .on("submission")
                    .neverTriedAuth(4)
                    .build())
            .get(0);

    assertThat(finding.verdict()).isEqualTo(Verdict.CLIENT_NOT_AUTHENTICATING);
    assertThat(finding.summary()).contains("on the submission port").contains("never tried AUTH");
    assertThat(finding.fix().client())
        .anyMatch(line -> line.contains("587") && line.contains("STARTTLS"));
    assertThat(finding.fix().postfix()).isNull();
  }

  @Test
  void shouldTellAnOutsideClientSendingAsALocalDomainToAuthenticate() {
    assertThat(verdicts(client("203.0.113.77").denials(3).localSenders(3).on("smtpd")))
        .containsExactly(Verdict.CLIENT_NOT_AUTHENTICATING);
    assertThat(verdicts(client("203.0.113.77").denials(3).localSenders(3).on("smtps")))
        .containsExactly(Verdict.CLIENT_NOT_AUTHENTICATING);
  }

  @Test
  void shouldNotCallAnInternalPort25ClientWithForeignSendersUnauthenticated() {
    assertThat(
            verdicts(client("10.3.3.3").denials(9).to("gmail.com").foreignSenders(9).on("smtpd")))
        .isEmpty();
  }

  @Test
  void shouldFindFailingCredentialsWhenAuthFailedBeforeTheDenial() {
    Finding finding =
        engine
            .evaluate(
                client("198.51.100.30")
                    .denials(3)
                    .localSenders(3)
                    .on("submission")
                    .failedAuth(3, "alice@example.org", "bob")
                    .build())
            .get(0);

    assertThat(finding.verdict()).isEqualTo(Verdict.SASL_AUTH_FAILING);
    assertThat(finding.summary()).contains("user names alice@example.org, bob");
    assertThat(finding.diagnostics())
        .contains(
            "doveadm auth test 'USER'   # Dovecot; asks for the password",
            "testsaslauthd -u 'USER' -p 'PASSWORD'   # saslauthd");
    assertThat(finding.fix().client())
        .anyMatch(line -> line.contains("application-specific password"));
  }

  @Test
  void shouldFindRepeatedFailuresOnlyFromInternalClients() {
    assertThat(verdicts(client("10.20.0.4").authFailures(5)))
        .containsExactly(Verdict.SASL_AUTH_FAILING);
    assertThat(verdicts(client("10.20.0.4").authFailures(4))).isEmpty();
    // Password guessing from outside without relay attempts is not a misconfiguration of ours.
    assertThat(verdicts(client("203.0.113.4").authFailures(500))).isEmpty();
  }

  @Test
  void shouldNameOnlyPlainUserNamesAndNeverInCommands() {
    Finding finding =
        engine
            .evaluate(
                client("10.20.0.5")
                    .authFailures(6)
                    .failedAuth(6, "carol", "x'; rm -rf / #", "$(reboot)", "ok.user")
                    .build())
            .get(0);

    assertThat(finding.summary())
        .contains("user names carol, ok.user")
        .doesNotContain("rm -rf", "reboot");
    assertThat(FixText.commands(finding))
        .noneMatch(c -> c.contains("carol") || c.contains("rm -rf"));
  }

  @Test
  void shouldFindAuthenticatedClientsRefusedRelayAsAServerProblem() {
    Finding finding =
        engine
            .evaluate(
                client("198.51.100.20")
                    .denials(2)
                    .localSenders(2)
                    .on("submission")
                    .authenticated(2)
                    .build())
            .get(0);

    assertThat(finding.verdict()).isEqualTo(Verdict.SASL_NOT_PERMITTED_FOR_RELAY);
    assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(finding.fix().postfix())
        .containsExactly(
            "postconf -e 'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated,"
                + " defer_unauth_destination'",
            "postfix check && postfix reload");
  }

  @Test
  void shouldGiveTheEximAclLineForExim() {
    Finding finding =
        VerdictEngine.create(Sites.withMta(Mta.EXIM))
            .evaluate(client("198.51.100.20").denials(2).mtas(Mta.EXIM).authenticated(2).build())
            .get(0);

    assertThat(finding.fix().exim()).contains("accept  authenticated = *");
    assertThat(finding.fix().postfix()).isNull();
    assertThat(finding.diagnostics()).containsExactly("exim -bP acl_smtp_rcpt");
  }

  @Test
  void shouldGiveNoMtaPartForSendmailEvidence() {
    Finding finding =
        engine
            .evaluate(
                client("198.51.100.20").denials(2).mtas(Mta.SENDMAIL).authenticated(2).build())
            .get(0);

    assertThat(finding.fix().postfix()).isNull();
    assertThat(finding.fix().exim()).isNull();
    assertThat(finding.fix().summary()).isNotBlank();
  }
}
