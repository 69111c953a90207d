package io.relaywatch.streams.parse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.relaywatch.events.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The reject reason taxonomy as ordered data ({@code reasons.yaml}): first match wins. Texts are
 * matched case-insensitively against the reject's message.
 */
final class ReasonCatalogue {
  private static final String RESOURCE = "/reasons.yaml";

  private final List<Rule> rules;

  ReasonCatalogue(List<Rule> rules) {
    this.rules = rules.stream().map(Rule::lowerCased).toList();
  }

  static ReasonCatalogue load() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = ReasonCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new ReasonCatalogue(yaml.readValue(in, Catalogue.class).rules());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  List<Rule> rules() {
    return rules;
  }

  RejectReason classify(String message, String stage) {
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    for (Rule rule : rules) {
      if (rule.matches(text, stage)) {
        return rule.reason();
      }
    }
    return RejectReason.OTHER;
  }

  record Catalogue(List<Rule> rules) {}

  /** One rule: a reason, the texts that select it, the stages it applies at, and examples. */
  record Rule(
      RejectReason reason, List<String> contains, List<String> stages, List<String> examples) {
    Rule {
      contains = contains == null ? List.of() : List.copyOf(contains);
      stages = stages == null ? List.of() : List.copyOf(stages);
      examples = examples == null ? List.of() : List.copyOf(examples);
    }

    Rule lowerCased() {
      return new Rule(
          reason,
          contains.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
          stages,
          examples);
    }

    boolean matches(String lowerCaseText, String stage) {
      if (!stages.isEmpty() && (stage == null || !stages.contains(stage))) {
        return false;
      }
      if (contains.isEmpty()) {
        return true;
      }
      for (String t : contains) {
        if (lowerCaseText.contains(t)) {
          return true;
        }
      }
      return false;
    }
  }
}
