package io.relaywatch.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaywatch.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A broken catalogue fails with a message naming the rule and the key, and what was expected. */
class CatalogueValidationTest {
  private static final String VALID_RULE =
      """
        - verdict: client_not_authenticating
          severity: warning
          description: Not authenticating.
          thresholds:
            minDenials: 3
      """;

  private static RuleCatalogue read(String yaml) {
    return RuleCatalogue.read(
        "test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static ConfigException failure(String yaml) {
    try {
      read(yaml);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected the catalogue to be refused:\n" + yaml);
  }

  @Test
  void shouldReadAValidRule() {
    RuleCatalogue catalogue = read("rules:\n" + VALID_RULE);

    assertThat(catalogue.rules()).hasSize(1);
    assertThat(catalogue.rules().get(0).thresholds().count("minDenials")).isEqualTo(3);
  }

  @Test
  void shouldNameRuleAndKeyOfAnUnknownThreshold() {
    ConfigException e =
        failure(
            "rules:\n" + VALID_RULE.replace("minDenials: 3", "minDenials: 3\n      minDenails: 4"));

    assertThat(e.key()).isEqualTo("client_not_authenticating.thresholds.minDenails");
    assertThat(e.getMessage())
        .isEqualTo(
            "test.yaml: rule 1 (client_not_authenticating): unknown key 'thresholds.minDenails';"
                + " expected one of minDenials");
  }

  @Test
  void shouldRefuseARuleForAVerdictOnlyTheAuditDecides() {
    ConfigException e =
        failure(
            "rules:\n"
                + VALID_RULE
                    .replace("client_not_authenticating", "tls_auth_not_required")
                    .replace("minDenials: 3", "{}"));

    assertThat(e.key()).isEqualTo("tls_auth_not_required");
    assertThat(e.getMessage()).contains("comes from relaywatch audit");
  }

  @Test
  void shouldNameAMissingThreshold() {
    ConfigException e = failure("rules:\n" + VALID_RULE.replace("minDenials: 3", "{}"));

    assertThat(e.getMessage())
        .isEqualTo(
            "test.yaml: rule 1 (client_not_authenticating): thresholds.minDenials: missing; it is"
                + " required");
  }

  @Test
  void shouldRefuseACountThatIsNotAWholeNumberOfAtLeastOne() {
    for (String bad : new String[] {"0", "-2", "1.5", "three", "\"3\""}) {
      ConfigException e =
          failure("rules:\n" + VALID_RULE.replace("minDenials: 3", "minDenials: " + bad));

      assertThat(e.key()).isEqualTo("client_not_authenticating.thresholds.minDenials");
      assertThat(e.getMessage())
          .startsWith("test.yaml: rule 1 (client_not_authenticating): thresholds.minDenials: '")
          .endsWith("' is not valid; expected a whole number of at least 1");
    }
  }

  @Test
  void shouldRefuseAShareOutsideZeroToOne() {
    String rule =
        """
          - verdict: domain_not_accepted
            severity: critical
            description: Domain.
            thresholds:
              minClients: 3
              minExternalShare: 1.5
        """;

    assertThat(failure("rules:\n" + rule).getMessage())
        .isEqualTo(
            "test.yaml: rule 1 (domain_not_accepted): thresholds.minExternalShare: '1.5' is not"
                + " valid; expected a fraction greater than 0 and at most 1");
  }

  @Test
  void shouldNameAnUnknownRuleKey() {
    ConfigException e =
        failure(
            "rules:\n"
                + VALID_RULE.replace("severity: warning", "severity: warning\n    colour: red"));

    assertThat(e.key()).isEqualTo("client_not_authenticating.colour");
    assertThat(e.getMessage())
        .isEqualTo(
            "test.yaml: rule 1 (client_not_authenticating): unknown key 'colour'; expected one of"
                + " description, examples, severity, thresholds, verdict");
  }

  @Test
  void shouldNameAnUnknownVerdictByPosition() {
    String second = VALID_RULE.replace("client_not_authenticating", "client_not_authenticated");

    assertThat(
            failure(
                    "rules:\n"
                        + VALID_RULE
                            .replace("client_not_authenticating", "open_relay_probe")
                            .replace("minDenials: 3", "minDenials: 3\n      minRecipientDomains: 2")
                        + second)
                .getMessage())
        .startsWith(
            "test.yaml: rule 2: verdict: unknown Verdict 'client_not_authenticated', expected one"
                + " of server_is_open_relay, trusted_sender_not_in_mynetworks");
  }

  @Test
  void shouldRefuseAVerdictListedTwice() {
    assertThat(failure("rules:\n" + VALID_RULE + VALID_RULE).getMessage())
        .isEqualTo("test.yaml: rule 2 (client_not_authenticating): verdict appears twice");
  }

  @Test
  void shouldRefuseAnUnknownSeverity() {
    ConfigException e =
        failure("rules:\n" + VALID_RULE.replace("severity: warning", "severity: urgent"));

    assertThat(e.key()).isEqualTo("client_not_authenticating.severity");
    assertThat(e.getMessage())
        .isEqualTo(
            "test.yaml: rule 1 (client_not_authenticating): severity: unknown Severity 'urgent',"
                + " expected one of info, warning, critical");
  }

  @Test
  void shouldRefuseAnExampleWithoutExactlyOneEvidenceKind() {
    String rule =
        VALID_RULE
            + """
                examples:
                  - name: two kinds
                    client: {clientIp: 10.0.0.1}
                    host: {host: mail}
                    expect: none
            """;

    assertThat(failure("rules:\n" + rule).getMessage())
        .isEqualTo(
            "test.yaml: rule 1 (client_not_authenticating): example 1: expected exactly one of"
                + " client, host or domain, as a mapping");
  }

  @Test
  void shouldRefuseAnExampleExpectingAnUnknownVerdict() {
    String rule =
        VALID_RULE
            + """
                examples:
                  - client: {clientIp: 10.0.0.1}
                    expect: maybe
            """;

    assertThat(failure("rules:\n" + rule).getMessage())
        .startsWith(
            "test.yaml: rule 1 (client_not_authenticating): example 1: expect: unknown Verdict 'maybe'")
        .endsWith(", or none");
  }

  @Test
  void shouldRefuseAnUnknownTopLevelKeyAndAMissingRuleList() {
    assertThat(failure("rulez: []\n").getMessage())
        .isEqualTo("test.yaml: unknown key 'rulez'; expected one of exampleConfig, rules");
    assertThat(failure("exampleConfig: {}\n").getMessage())
        .isEqualTo("test.yaml: rules: expected a non-empty list of rules");
  }

  @Test
  void shouldRefuseTextThatIsNotYamlAndDuplicateKeys() {
    assertThatThrownBy(() -> read("rules: [\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml: not valid YAML: ");
    assertThatThrownBy(
            () ->
                read(
                    "rules:\n"
                        + VALID_RULE.replace(
                            "severity: warning", "severity: warning\n    severity: info")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Duplicate field 'severity'");
  }

  @Test
  void shouldAcceptTheBuiltInCatalogue() {
    assertThat(RuleCatalogue.builtIn().rules()).hasSize(8);
  }
}
