package io.relaywatch.streams.parse;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One compiled Grok pattern; immutable and safe to share between threads. */
final class CompiledPattern {
  private final String name;
  private final Pattern pattern;
  private final Map<String, List<String>> groupsByField;

  CompiledPattern(String name, Pattern pattern, Map<String, List<String>> groupsByField) {
    this.name = name;
    this.pattern = pattern;
    this.groupsByField = Map.copyOf(groupsByField);
  }

  String name() {
    return name;
  }

  /** The regular expression Grok composed, for tests that pin it. */
  String regex() {
    return pattern.pattern();
  }

  /** A captured run of digits as a number; null when absent, empty or too long for an int. */
  static Integer toInt(String digits) {
    if (digits == null || digits.isEmpty() || digits.length() > 9) {
      return null;
    }
    return Integer.valueOf(digits);
  }

  /** The captures of a whole-input match, or null when the input does not match. */
  Captures match(CharSequence input) {
    Matcher matcher = pattern.matcher(input);
    return matcher.matches() ? new Captures(matcher) : null;
  }

  /** Named captures of one match, read lazily by field name. */
  final class Captures {
    private final Matcher matcher;

    private Captures(Matcher matcher) {
      this.matcher = matcher;
    }

    /**
     * The first non-null capture of this field, or null (also when the pattern has no such field).
     */
    String get(String field) {
      List<String> groups = groupsByField.get(field);
      if (groups == null) {
        return null;
      }
      for (String group : groups) {
        String value = matcher.group(group);
        if (value != null) {
          return value;
        }
      }
      return null;
    }

    Integer getInt(String field) {
      return toInt(get(field));
    }
  }
}
