package io.relaywatch.alerts.audit;

import java.util.Optional;
import java.util.function.Function;

/**
 * Postfix's {@code $name} expansion: {@code $name}, {@code ${name}}, {@code $(name)}, {@code
 * ${name?text}} (text when name is not empty) and {@code ${name:text}} (text when it is). Other
 * forms (the 3.x {@code ${{...}}} comparisons) are left as they are and flagged, so a check can say
 * it could not read the value rather than guess. Depth and size are bounded: the input is
 * configuration text that may refer to itself.
 */
final class Expansion {
  private static final int MAX_DEPTH = 10;
  private static final int MAX_LENGTH = 65_536;

  /** The expanded text, and whether some part of it could not be expanded. */
  record Result(String text, boolean complete) {}

  private final Function<String, Optional<String>> lookup;
  private boolean complete = true;

  private Expansion(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  /** Expands {@code value}; names the lookup does not know expand to nothing, as in Postfix. */
  static Result expand(String value, Function<String, Optional<String>> lookup) {
    Expansion e = new Expansion(lookup);
    String text = e.expand(value, 0);
    return new Result(text, e.complete);
  }

  private String expand(String value, int depth) {
    if (depth > MAX_DEPTH || value.length() > MAX_LENGTH) {
      complete = false;
      return value;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$' || i + 1 >= value.length()) {
        out.append(c);
        i++;
        continue;
      }
      i = reference(value, i + 1, depth, out);
      if (out.length() > MAX_LENGTH) {
        complete = false;
        return out.substring(0, MAX_LENGTH);
      }
    }
    return out.toString();
  }

  /** Expands the reference starting after {@code $} at {@code at}; returns where to go on. */
  private int reference(String value, int at, int depth, StringBuilder out) {
    char c = value.charAt(at);
    if (c == '$') {
      out.append('$');
      return at + 1;
    }
    if (c == '{' || c == '(') {
      int close = value.indexOf(c == '{' ? '}' : ')', at);
      String inner = close < 0 ? "" : value.substring(at + 1, close);
      if (close < 0 || inner.startsWith("{") || inner.contains("{")) {
        complete = false;
        out.append('$').append(c);
        return at + 1;
      }
      out.append(braced(inner, depth));
      return close + 1;
    }
    int end = at;
    while (end < value.length() && isNameChar(value.charAt(end))) {
      end++;
    }
    if (end == at) {
      out.append('$');
      return at;
    }
    out.append(named(value.substring(at, end), depth));
    return end;
  }

  private String braced(String inner, int depth) {
    int op = indexOfOperator(inner);
    if (op < 0) {
      return named(inner, depth);
    }
    String name = inner.substring(0, op);
    String text = inner.substring(op + 1);
    boolean set = !named(name, depth).isEmpty();
    boolean wanted = inner.charAt(op) == '?' ? set : !set;
    return wanted ? expand(text, depth + 1) : "";
  }

  private static int indexOfOperator(String inner) {
    for (int i = 0; i < inner.length(); i++) {
      if (inner.charAt(i) == '?' || inner.charAt(i) == ':') {
        return i;
      }
    }
    return -1;
  }

  private String named(String name, int depth) {
    return lookup.apply(name).map(v -> expand(v, depth + 1)).orElse("");
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
