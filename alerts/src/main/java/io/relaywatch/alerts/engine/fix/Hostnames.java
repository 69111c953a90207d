package io.relaywatch.alerts.engine.fix;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host and domain names checked before they go into a summary or a fix: letters, digits and hyphens
 * in dot-separated labels, nothing else, so no quoting or shell character can ride along.
 */
public final class Hostnames {
  /** The subject of a host finding whose host name is not a plain host name. */
  public static final String UNNAMED_HOST = "unnamed-host";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final int MAX_LENGTH = 253;

  private Hostnames() {}

  /** The name in lower case, or empty when it is not a plain DNS host or domain name. */
  public static Optional<String> validated(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String label : lower.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(lower);
  }
}
