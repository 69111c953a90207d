package io.relaywatch.streams.parse;

/**
 * The {@code key=<value>} fields Postfix appends to reject lines: {@code from=<s> to=<r>
 * proto=ESMTP helo=<h>}, postscreen's comma-separated form, and the {@code sasl_method=
 * sasl_username= sasl_sender=} fields of Postfix 3.10. A scanner, not a regular expression: values
 * come from clients and may hold any character, including the separators.
 *
 * @param message the text before the fields (the reject text), never null
 * @param tail text after the fields (cleanup rejects put {@code : 5.7.1 text} there), or null
 */
record PostfixTrailer(
    String message,
    String from,
    String to,
    String proto,
    String helo,
    String saslMethod,
    String saslUsername,
    String tail) {

  private static final String[] STARTS = {"; from=<", "; to=<", "; proto=", "; helo=<"};

  /** Splits a reject's text into its message and fields. */
  static PostfixTrailer split(String text) {
    int start = trailerStart(text);
    if (start < 0) {
      return new PostfixTrailer(text, null, null, null, null, null, null, null);
    }
    return fields(text.substring(0, start), text, start + 2);
  }

  /**
   * Reads fields from the start of {@code text} (cleanup rejects, where no message precedes them).
   */
  static PostfixTrailer fieldsOnly(String text) {
    return fields("", text, 0);
  }

  private static int trailerStart(String text) {
    for (String start : STARTS) {
      int i = text.indexOf(start);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static PostfixTrailer fields(String message, String text, int pos) {
    Fields f = new Fields();
    int i = pos;
    while (i < text.length()) {
      int eq = keyEnd(text, i);
      if (eq < 0) {
        break;
      }
      String key = text.substring(i, eq);
      int end = valueEnd(text, eq + 1);
      f.put(key, unbracket(text.substring(eq + 1, end)));
      i = skipSeparators(text, end);
      if (i < text.length() && text.charAt(i) == ':') {
        f.tail = text.substring(Math.min(text.length(), i + 1)).trim();
        break;
      }
    }
    return new PostfixTrailer(
        message, f.from, f.to, f.proto, f.helo, f.saslMethod, f.saslUsername, f.tail);
  }

  private static int keyEnd(String text, int i) {
    int j = i;
    while (j < text.length() && j - i < 32) {
      char c = text.charAt(j);
      if (c == '=') {
        return j > i ? j : -1;
      }
      if (!(c >= 'a' && c <= 'z') && c != '_') {
        return -1;
      }
      j++;
    }
    return -1;
  }

  /** A bracketed value ends at the first {@code >} followed by a separator or the end. */
  private static int valueEnd(String text, int i) {
    if (i < text.length() && text.charAt(i) == '<') {
      int j = text.indexOf('>', i + 1);
      while (j >= 0) {
        if (j + 1 == text.length() || " ,:".indexOf(text.charAt(j + 1)) >= 0) {
          return j + 1;
        }
        j = text.indexOf('>', j + 1);
      }
      return text.length();
    }
    int j = i;
    while (j < text.length() && " ,".indexOf(text.charAt(j)) < 0) {
      if (text.charAt(j) == ':' && (j + 1 == text.length() || text.charAt(j + 1) == ' ')) {
        break;
      }
      j++;
    }
    return j;
  }

  private static int skipSeparators(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
      i++;
    }
    return i;
  }

  private static String unbracket(String value) {
    if (value.length() >= 2 && value.charAt(0) == '<' && value.charAt(value.length() - 1) == '>') {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static final class Fields {
    String from;
    String to;
    String proto;
    String helo;
    String saslMethod;
    String saslUsername;
    String tail;

    void put(String key, String value) {
      switch (key) {
        case "from" -> from = value;
        case "to" -> to = value;
        case "proto" -> proto = value;
        case "helo" -> helo = value;
        case "sasl_method" -> saslMethod = value;
        case "sasl_username" -> saslUsername = value;
        default -> {
          // sasl_sender and fields of future Postfix versions are not part of the event.
        }
      }
    }
  }
}
