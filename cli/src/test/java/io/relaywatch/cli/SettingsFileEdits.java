package io.relaywatch.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One to four edits of a settings file's lines (replace a value, uncomment, insert an unknown key,
 * delete, cut a line short), drawn from a source of choices: seeded in {@link ConfigFuzzTest},
 * fuzzed in {@link ConfigLoaderFuzzTest}.
 */
final class SettingsFileEdits {
  /** Where the edits come from. */
  interface Choices {
    /** A number from 0 to {@code bound - 1}. */
    int below(int bound);

    /** A value to put into the file. */
    String junk();
  }

  private SettingsFileEdits() {}

  static List<String> apply(List<String> base, Choices choices) {
    List<String> lines = new ArrayList<>(base);
    int edits = 1 + choices.below(4);
    for (int i = 0; i < edits; i++) {
      int at = choices.below(lines.size());
      String line = lines.get(at);
      String junk = choices.junk();
      switch (choices.below(5)) {
        case 0 -> { // replace a value
          int colon = line.indexOf(':');
          lines.set(at, colon < 0 ? line + junk : line.substring(0, colon + 1) + " " + junk);
        }
        case 1 -> lines.set(at, line.replaceFirst("^(\\s*)#\\s?", "$1")); // uncomment
        case 2 ->
            lines.add(at, line.replaceAll("\\S.*", "") + "x" + choices.below(9) + ": " + junk);
        case 3 -> lines.remove(at);
        default -> lines.set(at, line.substring(0, choices.below(line.length() + 1)));
      }
      if (lines.isEmpty()) {
        lines.add(junk);
      }
    }
    return lines;
  }
}
