package io.relaywatch.alerts.engine;

import static io.relaywatch.alerts.engine.Clients.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.events.Finding;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the engine applies the catalogue: order, one finding per subject, min-count. */
class VerdictEngineTest {
  /**
   * An internal client refused on port 25 and on submission without AUTH: both
   * trusted_sender_not_in_mynetworks and client_not_authenticating could claim it.
   */
  private static final ClientEvidence BOTH =
      client("10.1.2.3").denials(6).localSenders(6).on("smtpd", "submission").build();

  @Test
  void shouldGiveOnlyTheFirstMatchingClientRule() {
    List<Finding> findings = VerdictEngine.create(Sites.site()).evaluate(BOTH);

    assertThat(findings)
        .extracting(Finding::verdict)
        .containsExactly(Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
  }

  @Test
  void shouldFollowTheCatalogueOrder() {
    String yaml =
        """
        rules:
          - verdict: client_not_authenticating
            severity: info
            description: first here
            thresholds: {minDenials: 1}
          - verdict: trusted_sender_not_in_mynetworks
            severity: warning
            description: second here
            thresholds: {minDenials: 1}
        """;
    RuleCatalogue reordered =
        RuleCatalogue.read(
            "reordered.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

    List<Finding> findings = VerdictEngine.create(Sites.site(), reordered).evaluate(BOTH);

    assertThat(findings)
        .extracting(Finding::verdict)
        .containsExactly(Verdict.CLIENT_NOT_AUTHENTICATING);
    assertThat(findings.get(0).severity().wireName()).isEqualTo("info");
  }

  @Test
  void shouldOnlyRunTheRulesInTheCatalogue() {
    String yaml =
        """
        rules:
          - verdict: sasl_backend_unavailable
            severity: critical
            description: only this one
            thresholds: {minErrors: 1}
        """;
    RuleCatalogue one =
        RuleCatalogue.read(
            "one.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

    assertThat(VerdictEngine.create(Sites.site(), one).evaluate(BOTH)).isEmpty();
  }

  @Test
  void shouldReplaceEveryCountButNoShareWithMinCount() {
    RuleCatalogue lowered = RuleCatalogue.builtIn().withMinCount(1);

    for (RuleSpec rule : lowered.rules()) {
      rule.thresholds()
          .values()
          .forEach(
              (name, value) -> {
                if (name.equals("minExternalShare")) {
                  assertThat(value.doubleValue()).isEqualTo(0.5);
                } else {
                  assertThat(value.longValue()).as(rule.verdict() + " " + name).isEqualTo(1);
                }
              });
    }
    assertThat(RuleCatalogue.builtIn().rules().get(2).thresholds().count("minDenials"))
        .isEqualTo(10);
    assertThatThrownBy(() -> lowered.withMinCount(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRaiseTheBarWithAHigherMinCount() {
    VerdictEngine engine = VerdictEngine.create(Sites.site());
    ClientEvidence appServer = client("10.1.2.3").denials(12).localSenders(12).on("smtpd").build();

    assertThat(engine.withMinCount(12).evaluate(appServer)).hasSize(1);
    assertThat(engine.withMinCount(13).evaluate(appServer)).isEmpty();
  }

  @Test
  void shouldGiveNoFindingForAnAddressThatIsNotOne() {
    VerdictEngine engine = VerdictEngine.create(Sites.site()).withMinCount(1);
    for (String notAnAddress :
        List.of(
            "",
            "mail.example.org",
            "10.0.0.0/8",
            "10.1.2.3; reboot",
            "10.1.2",
            "unknown",
            "fe80::1%eth0")) {
      assertThat(
              engine.evaluate(
                  client(notAnAddress).denials(9).localSenders(9).on("submission").build()))
          .as(notAnAddress)
          .isEmpty();
    }
    assertThat(engine.evaluate(client(null).denials(9).localSenders(9).on("submission").build()))
        .isEmpty();
  }

  @Test
  void shouldSortManyFindingsMostSevereFirst() {
    VerdictEngine engine = VerdictEngine.create(Sites.site());
    List<Evidence> evidence =
        List.of(
            client("10.1.2.3").denials(5).localSenders(5).on("smtpd").build(),
            client("198.51.100.20").denials(2).on("submission").authenticated(2).build(),
            client("203.0.113.9").denials(1).foreignSenders(1).build(),
            new HostEvidence("mail", Mta.POSTFIX, 3, null, null, null, null));

    List<Finding> findings = engine.evaluateAll(evidence);

    assertThat(findings)
        .extracting(Finding::verdict)
        .containsExactly(
            Verdict.SASL_BACKEND_UNAVAILABLE,
            Verdict.SASL_NOT_PERMITTED_FOR_RELAY,
            Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS);
  }

  @Test
  void shouldKeepAtMostThreeEvidenceLines() {
    Clients many = client("10.1.2.3").denials(5).localSenders(5).on("smtpd");
    for (int i = 0; i < 5; i++) {
      many.line("line " + i);
    }

    assertThat(VerdictEngine.create(Sites.site()).evaluate(many.build()).get(0).evidence())
        .containsExactly("line 0", "line 1", "line 2");
  }
}
