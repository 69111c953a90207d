package io.relaywatch.alerts.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a proposed command into its arguments the way a shell would, for the only shell syntax
 * relaywatch's commands use: words separated by spaces and single-quoted words. Anything a shell
 * would interpret (a double quote, backslash, {@code $}, backtick, {@code ; | & < > ( )}, glob or
 * comment characters, a control character, an unclosed quote) makes the command unsplittable, so a
 * proposed {@code postconf} line either means exactly its words or is refused. Tests run the
 * proposed commands through it without a shell; the audit refuses to propose a line it rejects.
 */
public final class Argv {
  private static final String SPECIAL = "\"\\$`;|&<>()*?[]~#!{}";

  private Argv() {}

  /** The arguments, or empty when the command uses anything but plain and single-quoted words. */
  public static Optional<List<String>> split(String command) {
    List<String> args = new ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    for (char c : command.toCharArray()) {
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return Optional.empty();
      }
      if (c == '\'') {
        quoted = !quoted;
        word = word == null ? new StringBuilder() : word;
      } else if (quoted) {
        if (c == '$' || c == '`') {
          return Optional.empty();
        }
        word.append(c);
      } else if (c == ' ') {
        if (word != null) {
          args.add(word.toString());
          word = null;
        }
      } else if (SPECIAL.indexOf(c) >= 0) {
        return Optional.empty();
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quoted) {
      return Optional.empty();
    }
    if (word != null) {
      args.add(word.toString());
    }
    return args.isEmpty() ? Optional.empty() : Optional.of(args);
  }
}
