package io.relaywatch.streams.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus lines the parser is known to miss, each with its reason: {@code
 * src/test/resources/conformance/known-gaps.txt}, one {@code file | unique substring | reason} a
 * line, {@code #} for comments.
 */
final class KnownGaps {
  /** One accepted miss. */
  record Gap(String file, String substring, String reason) {
    boolean covers(String file, String line) {
      return this.file.equals(file) && line.contains(substring);
    }
  }

  private final List<Gap> gaps;

  private KnownGaps(List<Gap> gaps) {
    this.gaps = gaps;
  }

  static KnownGaps load() throws IOException {
    try (InputStream in = KnownGaps.class.getResourceAsStream("/conformance/known-gaps.txt")) {
      if (in == null) {
        return new KnownGaps(List.of());
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static KnownGaps parse(String text) {
    List<Gap> gaps = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s\\|\\s", 3);
      if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
        throw new IllegalArgumentException(
            "known-gaps.txt line " + (i + 1) + ": expected 'file | substring | reason': " + line);
      }
      gaps.add(new Gap(parts[0].strip(), parts[1].strip(), parts[2].strip()));
    }
    return new KnownGaps(gaps);
  }

  List<Gap> all() {
    return gaps;
  }

  /** The gap that covers this line of this file, or null. */
  Gap find(String file, String line) {
    for (Gap gap : gaps) {
      if (gap.covers(file, line)) {
        return gap;
      }
    }
    return null;
  }
}
