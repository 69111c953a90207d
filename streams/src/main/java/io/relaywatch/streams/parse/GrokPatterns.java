package io.relaywatch.streams.parse;

import io.krakens.grok.api.Grok;
import io.krakens.grok.api.GrokCompiler;
import io.krakens.grok.api.exception.GrokException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grok pattern library in {@code grok/*.grok}, compiled once. java-grok composes the patterns;
 * matching then uses the compiled regular expression directly and reads only the groups a caller
 * asks for, because building java-grok's capture map costs more than the match itself.
 */
final class GrokPatterns {
  private static final List<String> FILES =
      List.of("grok/base.grok", "grok/postfix.grok", "grok/exim.grok", "grok/sendmail.grok");
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");
  private static final Pattern GROK_GENERATED = Pattern.compile("name[0-9]+");

  private final GrokCompiler compiler;

  private GrokPatterns(GrokCompiler compiler) {
    this.compiler = compiler;
  }

  static GrokPatterns load() {
    GrokCompiler compiler = GrokCompiler.newInstance();
    for (String file : FILES) {
      try {
        compiler.registerPatternFromClasspath("/" + file, StandardCharsets.UTF_8);
      } catch (GrokException e) {
        throw new IllegalStateException("cannot load Grok patterns " + file, e);
      }
    }
    return new GrokPatterns(compiler);
  }

  /** Compiles the named pattern, e.g. {@code POSTFIX_SMTPD_REJECT}. */
  CompiledPattern compile(String name) {
    if (!compiler.getPatternDefinitions().containsKey(name)) {
      throw new IllegalArgumentException("no Grok pattern named " + name);
    }
    Grok grok = compiler.compile("%{" + name + "}", true);
    String regex = grok.getNamedRegex();
    Map<String, List<String>> groupsByField = new LinkedHashMap<>();
    Matcher m = GROUP_NAME.matcher(regex);
    while (m.find()) {
      String group = m.group(1);
      String field =
          GROK_GENERATED.matcher(group).matches() ? grok.getNamedRegexCollectionById(group) : group;
      if (field != null && !field.equals(name)) {
        groupsByField.computeIfAbsent(field, f -> new ArrayList<>()).add(group);
      }
    }
    return new CompiledPattern(name, Pattern.compile(regex), groupsByField);
  }
}
