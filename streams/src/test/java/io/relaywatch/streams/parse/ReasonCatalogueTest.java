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
}
