package io.relaywatch.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaywatch.alerts.audit.Audit;
import io.relaywatch.events.Finding;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Json;
import io.relaywatch.events.Mta;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every example of the built-in catalogue through the engine: the catalogue tests itself. */
class CatalogueExamplesTest {
  private static final ObjectMapper STRICT =
      Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final RuleCatalogue catalogue = RuleCatalogue.builtIn();

  @TestFactory
  Stream<DynamicTest> shouldGiveEachExampleItsExpectedVerdict() {
    return catalogue.rules().stream()
        .flatMap(
            rule ->
                rule.examples().stream()
                    .map(
                        example ->
                            DynamicTest.dynamicTest(
                                rule.verdict().wireName() + ": " + example.name(),
                                () -> run(example))));
  }

  private void run(CatalogueExample example) throws Exception {
    VerdictEngine engine = VerdictEngine.create(config(example.config()), catalogue);
    List<Finding> findings = engine.evaluate(evidence(example));
    assertThat(findings.stream().map(Finding::verdict).findFirst())
        .as(example.name())
        .isEqualTo(example.expect());
    for (Finding finding : findings) {
      String text = FixText.all(finding);
      for (String expected : example.fixContains()) {
        assertThat(text).as(example.name()).contains(expected);
      }
      for (String excluded : example.fixExcludes()) {
        assertThat(text).as(example.name()).doesNotContain(excluded);
      }
    }
  }

  private Evidence evidence(CatalogueExample example) throws Exception {
    Class<? extends Evidence> type =
        switch (example.kind()) {
          case "client" -> ClientEvidence.class;
          case "host" -> HostEvidence.class;
          default -> DomainEvidence.class;
        };
    return STRICT.treeToValue(example.evidence(), type);
  }

  private VerdictConfig config(JsonNode overrides) {
    JsonNode base = catalogue.exampleConfig();
    return new VerdictConfig(
        InternalNetworks.of(texts(pick(overrides, base, "internal"))),
        InternalNetworks.of(texts(pick(overrides, base, "trusted"))),
        Set.copyOf(texts(pick(overrides, base, "localDomains"))),
        Optional.ofNullable(pick(overrides, base, "mynetworks")).map(JsonNode::asText),
        Mta.fromWireName(
            Optional.ofNullable(pick(overrides, base, "mta"))
                .map(JsonNode::asText)
                .orElse("postfix")));
  }

  private static JsonNode pick(JsonNode overrides, JsonNode base, String key) {
    if (overrides != null && overrides.has(key)) {
      return overrides.get(key);
    }
    return base == null ? null : base.get(key);
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node != null) {
      node.forEach(n -> texts.add(n.asText()));
    }
    return texts;
  }

  @Test
  void shouldHaveOneRuleWithAPositiveExampleForEveryVerdict() {
    Set<Verdict> ruled = EnumSet.noneOf(Verdict.class);
    Set<Verdict> shown = new LinkedHashSet<>();
    for (RuleSpec rule : catalogue.rules()) {
      ruled.add(rule.verdict());
      rule.examples().forEach(e -> e.expect().ifPresent(shown::add));
    }
    // The audit's configuration verdicts have no log evidence, hence no rule.
    Set<Verdict> fromLogs = EnumSet.complementOf(EnumSet.copyOf(Audit.CONFIGURATION_VERDICTS));
    assertThat(ruled).containsExactlyInAnyOrderElementsOf(fromLogs);
    assertThat(shown).containsExactlyInAnyOrderElementsOf(fromLogs);
  }

  @Test
  void shouldHaveANegativeExampleForEveryClientRule() {
    for (RuleSpec rule : catalogue.rules()) {
      if (rule.verdict().subject() == Verdict.Subject.CLIENT
          && rule.verdict() != Verdict.SASL_AUTH_FAILING) {
        assertThat(rule.examples())
            .as(rule.verdict().wireName())
            .anyMatch(e -> !e.expect().equals(Optional.of(rule.verdict())));
      }
    }
  }
}
