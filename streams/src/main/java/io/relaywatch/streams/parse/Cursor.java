package io.relaywatch.streams.parse;

/** A read position in a line, for the header scanner. Bounds-checked: it never throws. */
final class Cursor {
  private final String s;
  private int pos;

  Cursor(String s, int pos) {
    this.s = s;
    this.pos = pos;
  }

  int pos() {
    return pos;
  }

  void pos(int newPos) {
    pos = newPos;
  }

  boolean atEnd() {
    return pos >= s.length();
  }

  char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  char peek(int ahead) {
    return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
  }

  boolean accept(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  int skipSpaces() {
    int start = pos;
    while (peek() == ' ') {
      pos++;
    }
    return pos - start;
  }

  /** Reads exactly {@code n} ASCII digits as a number, or returns -1 and moves nowhere. */
  int digits(int n) {
    if (pos + n > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(pos + i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    pos += n;
    return value;
  }

  /** Reads 1 to {@code max} digits, or returns -1 and moves nowhere. */
  int upToDigits(int max) {
    int start = pos;
    long value = 0;
    while (pos - start < max && pos < s.length() && Character.isDigit(s.charAt(pos))) {
      char c = s.charAt(pos);
      if (c > '9') {
        break; // Character.isDigit accepts non-ASCII digits
      }
      value = value * 10 + (c - '0');
      pos++;
    }
    return pos == start ? -1 : (int) value;
  }

  /** Reads a token up to the next space (or the end); never empty unless at a space or the end. */
  String token() {
    int start = pos;
    int space = s.indexOf(' ', pos); // one library scan, cheaper than charAt() per char
    pos = space < 0 ? Math.max(pos, s.length()) : space;
    return s.substring(start, pos);
  }

  boolean startsWith(String prefix) {
    return s.startsWith(prefix, pos);
  }

  /** Whether the text here starts with {@code length} chars of {@code text} from {@code from}. */
  boolean startsWith(String text, int from, int length) {
    return s.regionMatches(pos, text, from, length);
  }
}
