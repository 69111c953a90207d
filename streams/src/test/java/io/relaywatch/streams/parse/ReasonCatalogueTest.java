package io.relaywatch.streams.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.RejectReason;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The catalogue tests itself: every rule's examples must classify as that rule. */
class ReasonCatalogueTest {
  private static final ReasonCatalogue CATALOGUE = ReasonCatalogue.load();

  @TestFactory
  Stream<DynamicTest> shouldClassifyEveryRuleExampleAsItsRule() {
    return CATALOGUE.rules().stream()
        .flatMap(
            rule ->
                rule.examples().stream()
                    .map(
                        example ->
                            DynamicTest.dynamicTest(
                                rule.reason().wireName() + ": " + example,
                                () ->
                                    assertThat(
                                            CATALOGUE.classify(
                                                example,
                                                rule.stages().isEmpty()
                                                    ? "RCPT"
                                                    : rule.stages().get(0)))
                                        .isEqualTo(rule.reason()))));
  }

  @Test
  void shouldGiveEveryRuleAtLeastOneExample() {
    assertThat(CATALOGUE.rules()).allSatisfy(rule -> assertThat(rule.examples()).isNotEmpty());
  }

  @Test
  void shouldCoverEveryReasonOfTheTaxonomy() {
    assertThat(CATALOGUE.rules().stream().map(ReasonCatalogue.Rule::reason).distinct())
        .containsExactlyInAnyOrder(RejectReason.values());
  }

  @Test
  void shouldNotListTheSameTextTwice() {
    List<String> texts =
        CATALOGUE.rules().stream()
            .flatMap(rule -> rule.contains().stream())
            .map(t -> t.toLowerCase(Locale.ROOT))
            .toList();
    assertThat(texts).doesNotHaveDuplicates();
  }

  @Test
  void shouldFallBackToOtherForUnknownTextsAndHeloStageForHeloRejects() {
    assertThat(CATALOGUE.classify("something new", "RCPT")).isEqualTo(RejectReason.OTHER);
    assertThat(CATALOGUE.classify("something new", "EHLO")).isEqualTo(RejectReason.HELO_REJECTED);
    assertThat(CATALOGUE.classify(null, null)).isEqualTo(RejectReason.OTHER);
  }

  @Test
  void shouldReadTheSameRulesAsJacksonDataBinding() throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (java.io.InputStream in = ReasonCatalogue.class.getResourceAsStream("/reasons.yaml")) {
      List<ReasonCatalogue.Rule> bound =
          yaml.readValue(in, ReasonCatalogue.Catalogue.class).rules();
      assertThat(CATALOGUE.rules()).isEqualTo(new ReasonCatalogue(bound).rules());
    }
  }

  @Test
  void shouldRefuseAnUnknownKey() throws java.io.IOException {
    String text = "rules:\n  - reason: other\n    contain: [x]\n";
    try (com.fasterxml.jackson.core.JsonParser parser =
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory().createParser(text)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReasonCatalogue.readRules(parser))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("unknown key 'contain'");
    }
  }
}
