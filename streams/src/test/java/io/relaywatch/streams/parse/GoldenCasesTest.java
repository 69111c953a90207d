package io.relaywatch.streams.parse;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.relaywatch.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden case under {@code src/test/resources/golden} (format in the README there): one
 * dynamic test per file, named by its path, comparing only the fields the case lists.
 */
class GoldenCasesTest {
  private static final String DEFAULT_REFERENCE = "2026-11-28T12:00:00Z";
  private static final YAMLMapper YAML = new YAMLMapper();

  @TestFactory
  Stream<DynamicTest> shouldParseEveryGoldenLineAsItsCaseExpects() throws IOException {
    Path root = goldenRoot();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    if (files.isEmpty()) {
      fail("no golden cases under " + root);
    }
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), f.toUri(), () -> run(f)));
  }

  private static Path goldenRoot() {
    URL url = GoldenCasesTest.class.getResource("/golden");
    if (url == null) {
      throw new IllegalStateException("test resource folder /golden is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(Path file) throws IOException {
    JsonNode spec = YAML.readTree(file.toFile());
    String line = line(spec);
    Instant reference = Instant.parse(spec.path("reference").asText(DEFAULT_REFERENCE));
    ZoneId zone = ZoneId.of(spec.path("zone").asText("UTC"));
    ParseResult result = MailLogParser.create(zone).parse(line, reference);
    String expect = spec.path("expect").asText("");
    switch (expect) {
      case "ignored" -> expectIgnored(line, result);
      case "unparsed" -> expectUnparsed(line, spec.path("unparsedReason").asText(null), result);
      case "parsed" -> expectParsed(line, spec.path("event"), result);
      default -> fail(file + ": expect must be parsed, unparsed or ignored, not '" + expect + "'");
    }
  }

  /** The case's line, plus the optional generated tail for lines too long to write out. */
  private static String line(JsonNode spec) {
    String line = spec.path("line").asText();
    JsonNode append = spec.path("append");
    if (append.isMissingNode()) {
      return line;
    }
    return line
        + append.path("repeat").asText().repeat(append.path("times").asInt())
        + append.path("then").asText("");
  }

  private static void expectIgnored(String line, ParseResult result) {
    if (!(result instanceof ParseResult.Ignored)) {
      fail(describe(line, "Ignored", result));
    }
  }

  private static void expectUnparsed(String line, String reason, ParseResult result) {
    if (!(result instanceof ParseResult.Unparsed u) || !u.reason().equals(reason)) {
      fail(describe(line, "Unparsed(" + reason + ")", result));
    }
  }

  private static void expectParsed(String line, JsonNode expected, ParseResult result) {
    if (!(result instanceof ParseResult.Parsed parsed)) {
      fail(describe(line, "Parsed " + expected, result));
      return;
    }
    ObjectNode actual = Json.mapper().valueToTree(parsed.event());
    List<String> mismatches = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode got = actual.path(field.getKey());
      if (!matches(field.getKey(), field.getValue(), got)) {
        mismatches.add(field.getKey() + ": expected " + field.getValue() + " but was " + got);
      }
    }
    if (!mismatches.isEmpty()) {
      fail(
          String.join("; ", mismatches)
              + "\n  line:     "
              + escape(line)
              + "\n  expected: "
              + expected
              + "\n  actual:   "
              + actual);
    }
  }

  private static boolean matches(String name, JsonNode expected, JsonNode actual) {
    if (expected.isNull()) {
      return actual.isNull() || actual.isMissingNode();
    }
    if (name.equals("timestamp")) {
      return sameInstantAndOffset(expected.asText(), actual);
    }
    if (expected.isNumber()) {
      return actual.isNumber() && actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    if (expected.isValueNode()) {
      return actual.isTextual() && actual.asText().equals(expected.asText());
    }
    return expected.equals(actual);
  }

  /** Both the instant and the offset must agree: a right instant logged in the wrong zone fails. */
  private static boolean sameInstantAndOffset(String expected, JsonNode actual) {
    if (!actual.isTextual()) {
      return false;
    }
    OffsetDateTime want = OffsetDateTime.parse(expected);
    OffsetDateTime got = OffsetDateTime.parse(actual.asText());
    return want.toInstant().equals(got.toInstant()) && want.getOffset().equals(got.getOffset());
  }

  private static String describe(String line, String expected, ParseResult actual) {
    String shown =
        actual instanceof ParseResult.Parsed p ? toJson(p.event()) : String.valueOf(actual);
    return "\n  line:     " + escape(line) + "\n  expected: " + expected + "\n  actual:   " + shown;
  }

  private static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines carry control characters and may be huge; keep failure output readable. */
  private static String escape(String line) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(line.length(), 400);
    for (int i = 0; i < shown; i++) {
      char c = line.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return line.length() > shown ? sb + "... (" + line.length() + " chars)" : sb.toString();
  }
}
