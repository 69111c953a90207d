package io.relaywatch.alerts.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code smtpd} services of a {@code master.cf}, read from the file or from {@code postconf -M}
 * (one line per service). Fields are separated by whitespace; a line starting with whitespace
 * continues the entry; {@code -o name=value} and {@code -o { name = value }} are overrides.
 */
public final class MasterServices {
  private static final int FIELDS = 8;

  private MasterServices() {}

  /** The smtpd services ({@code inet} and {@code pass}), in file order. */
  public static List<SmtpdService> parse(String text) {
    List<SmtpdService> services = new ArrayList<>();
    for (String entry : entries(text)) {
      List<String> fields = tokens(entry);
      if (fields.size() < FIELDS || !fields.get(7).equals("smtpd")) {
        continue;
      }
      String type = fields.get(1);
      if (type.equals("inet") || type.equals("pass")) {
        boolean chroot = fields.get(4).equals("y");
        services.add(
            new SmtpdService(
                fields.get(0),
                type,
                chroot,
                overrides(fields.subList(FIELDS, fields.size())),
                entry));
      }
    }
    return services;
  }

  private static List<String> entries(String text) {
    List<String> entries = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && current != null) {
        current.append(' ').append(line.strip());
        continue;
      }
      if (current != null) {
        entries.add(current.toString());
      }
      current = new StringBuilder(line.strip());
    }
    if (current != null) {
      entries.add(current.toString());
    }
    return entries;
  }

  /** Whitespace-separated tokens; a {@code { ... }} group is one token, braces included. */
  static List<String> tokens(String entry) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    int depth = 0;
    for (char c : entry.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      }
      if (Character.isWhitespace(c) && depth == 0) {
        if (token.length() > 0) {
          tokens.add(token.toString());
          token.setLength(0);
        }
      } else {
        token.append(c);
      }
    }
    if (token.length() > 0) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  private static Map<String, String> overrides(List<String> args) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.size(); i++) {
      if (!args.get(i).equals("-o")) {
        continue;
      }
      String setting = args.get(++i);
      if (setting.startsWith("{") && setting.endsWith("}")) {
        setting = setting.substring(1, setting.length() - 1);
      }
      int eq = setting.indexOf('=');
      if (eq > 0) {
        overrides.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
      }
    }
    return overrides;
  }
}
