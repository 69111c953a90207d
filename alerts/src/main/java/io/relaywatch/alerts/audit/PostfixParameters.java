package io.relaywatch.alerts.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code name = value} lines as {@code postconf -n} prints them and {@code main.cf} holds them: a
 * line starting with whitespace continues the one before, a line starting with {@code #} is a
 * comment, a later setting of a name replaces an earlier one (as in Postfix). Values are kept raw;
 * they are configuration text, never put into a command.
 */
public final class PostfixParameters {
  private static final Pattern SETTING =
      Pattern.compile("([A-Za-z0-9_]{1,100})\\s*=\\s*(.*)", Pattern.DOTALL);

  private final Map<String, String> values;
  private final List<String> malformed;

  private PostfixParameters(Map<String, String> values, List<String> malformed) {
    this.values = Collections.unmodifiableMap(values);
    this.malformed = List.copyOf(malformed);
  }

  /** No parameters at all (every value is Postfix's default). */
  public static PostfixParameters empty() {
    return new PostfixParameters(new LinkedHashMap<>(), List.of());
  }

  /** Parses the text; lines that are no setting are kept aside, not fatal. */
  public static PostfixParameters parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> malformed = new ArrayList<>();
    for (String logical : logicalLines(text)) {
      Matcher m = SETTING.matcher(logical);
      if (m.matches()) {
        values.remove(m.group(1));
        values.put(m.group(1), m.group(2).strip());
      } else {
        malformed.add(logical);
      }
    }
    return new PostfixParameters(values, malformed);
  }

  private static List<String> logicalLines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && current != null) {
        current.append(' ').append(line.strip());
        continue;
      }
      if (current != null) {
        lines.add(current.toString());
      }
      current = new StringBuilder(line.strip());
    }
    if (current != null) {
      lines.add(current.toString());
    }
    return lines;
  }

  /** The value set for the name, raw. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Every name set, in the order of the text. */
  public Map<String, String> all() {
    return values;
  }

  /** Lines that are not {@code name = value}. */
  public List<String> malformed() {
    return malformed;
  }
}
