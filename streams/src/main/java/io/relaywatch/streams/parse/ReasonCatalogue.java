package io.relaywatch.streams.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.relaywatch.events.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
    try (InputStream in = ReasonCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      try (JsonParser parser = new YAMLFactory().createParser(in)) {
        return new ReasonCatalogue(readRules(parser));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads {@code {rules: [{reason, contains, stages, examples}]}} token by token. Binding it with
   * an ObjectMapper gave the same rules but cost about 130 ms on every start of the CLI (data
   * binding set-up), a sixth of a short report's run time. Unknown keys are refused.
   */
  static List<Rule> readRules(JsonParser parser) throws IOException {
    expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
    List<Rule> rules = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      if (!parser.currentName().equals("rules")) {
        throw unknownKey(parser);
      }
      expect(parser, parser.nextToken(), JsonToken.START_ARRAY);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        rules.add(readRule(parser));
      }
      expect(parser, parser.currentToken(), JsonToken.END_ARRAY);
    }
    return rules;
  }

  private static Rule readRule(JsonParser parser) throws IOException {
    RejectReason reason = null;
    List<String> contains = null;
    List<String> stages = null;
    List<String> examples = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      switch (key) {
        case "reason" -> reason = RejectReason.fromWireName(parser.getValueAsString());
        case "contains" -> contains = readTexts(parser);
        case "stages" -> stages = readTexts(parser);
        case "examples" -> examples = readTexts(parser);
        default -> throw unknownKey(parser);
      }
    }
    expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
    return new Rule(reason, contains, stages, examples);
  }

  private static List<String> readTexts(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(parser, parser.currentToken(), JsonToken.START_ARRAY);
    List<String> texts = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t == null || !t.isScalarValue()) {
        throw new IOException(RESOURCE + ": expected a text at " + parser.currentLocation());
      }
      texts.add(parser.getValueAsString());
    }
    return texts;
  }

  private static void expect(JsonParser parser, JsonToken actual, JsonToken expected)
      throws IOException {
    if (actual != expected) {
      throw new IOException(
          RESOURCE
              + ": expected "
              + expected
              + " but found "
              + actual
              + " at "
              + parser.currentLocation());
    }
  }

  private static IOException unknownKey(JsonParser parser) throws IOException {
    return new IOException(
        RESOURCE + ": unknown key '" + parser.currentName() + "' at " + parser.currentLocation());
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
