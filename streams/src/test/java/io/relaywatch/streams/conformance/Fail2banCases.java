package io.relaywatch.streams.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads fail2ban sample logs as the corpus README describes them: a {@code # failJSON: {...}}
 * comment gives the expected result for the next non-comment line, {@code # filterOptions:} sets
 * the mode for the cases after it. Only {@code "match": true} cases are returned; {@code
 * constraint}s are treated as true.
 */
final class Fail2banCases {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FAIL_JSON = "# failJSON:";
  private static final String FILTER_OPTIONS = "# filterOptions:";
  private static final Pattern JOURNAL = Pattern.compile("\"logtype\"\\s*:\\s*\"journal\"");

  /** One expected failure: the line, the client address fail2ban extracts, and its mode. */
  record Case(String file, int lineNumber, String line, String host, boolean journal) {}

  private Fail2banCases() {}

  /** The {@code "match": true} cases of {@code corpus/fail2ban/<name>}. */
  static List<Case> read(Path corpus, String name) throws IOException {
    Path path = corpus.resolve("fail2ban").resolve(name);
    // The samples are byte-for-byte copies; a stray invalid byte becomes U+FFFD as in production.
    String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    List<Case> cases = new ArrayList<>();
    boolean journal = false;
    JsonNode pending = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(FILTER_OPTIONS)) {
        journal = JOURNAL.matcher(line).find();
      } else if (line.startsWith(FAIL_JSON)) {
        pending = JSON.readTree(line.substring(FAIL_JSON.length()));
      } else if (line.startsWith("#") || line.isBlank()) {
        continue;
      } else if (pending != null) {
        if (pending.path("match").asBoolean(false)) {
          String host = pending.path("host").asText(null);
          cases.add(new Case("fail2ban/" + name, i + 1, line, host, journal));
        }
        pending = null;
      }
    }
    return cases;
  }
}
