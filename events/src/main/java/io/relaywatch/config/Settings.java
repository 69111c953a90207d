package io.relaywatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configuration values from three layers, later ones winning: a YAML file, {@code RELAYWATCH_*}
 * environment variables, then command-line flags. Keys are dotted camelCase ({@code
 * ship.batchLines}); the environment name of a key is derived from it ({@code
 * RELAYWATCH_SHIP_BATCH_LINES}). Every typed getter validates, and {@link #rejectUnknownKeys()}
 * turns a typo in the file into an error instead of a silently ignored setting.
 */
public final class Settings {
  static final String ENV_PREFIX = "RELAYWATCH_";

  private final Map<String, Value> file;
  private final Map<String, String> env;
  private final Map<String, String> flags;
  private final String fileName;
  private final Set<String> read = new LinkedHashSet<>();

  private Settings(
      Map<String, Value> file,
      String fileName,
      Map<String, String> env,
      Map<String, String> flags) {
    this.file = file;
    this.fileName = fileName;
    this.env = Map.copyOf(env);
    this.flags = Map.copyOf(flags);
  }

  /** The top-level sections of the settings of every role, so roles can share one file. */
  public static final Set<String> SECTIONS =
      Set.of(
          "kafka",
          "ship",
          "streams",
          "aggregation",
          "sessions",
          "alerts",
          "networks",
          "localDomains",
          "postfix",
          "mta");

  /** Loads the layers; {@code yaml} may be null when there is no file. */
  public static Settings load(Path yaml, Map<String, String> env, Map<String, String> flags) {
    Map<String, Value> file = new LinkedHashMap<>();
    if (yaml != null) {
      flatten("", readYaml(yaml), file);
    }
    return new Settings(file, yaml == null ? null : yaml.toString(), env, flags);
  }

  private static JsonNode readYaml(Path yaml) {
    try {
      if (!Files.isRegularFile(yaml)) {
        throw new ConfigException(
            "config", "config file " + yaml + " does not exist or is not a file");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
      if (root != null && !root.isNull() && !root.isObject()) {
        throw new ConfigException(
            "config", "config file " + yaml + ": expected a mapping of keys at the top");
      }
      return root;
    } catch (IOException e) {
      throw new ConfigException(
          "config", "config file " + yaml + " is not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Value> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
      out.put(prefix, new Value(null, items));
    } else {
      out.put(prefix, new Value(node.asText(), null));
    }
  }

  /**
   * The environment variable that overrides {@code key}: {@code ship.batchLines} to {@code
   * RELAYWATCH_SHIP_BATCH_LINES}.
   */
  public static String envName(String key) {
    StringBuilder sb = new StringBuilder(ENV_PREFIX);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.' || c == '-') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString();
  }

  public String string(String key, String defaultValue) {
    Raw raw = raw(key);
    return raw == null ? defaultValue : raw.text();
  }

  public String requiredString(String key, String expected) {
    Raw raw = raw(key);
    if (raw == null || raw.text() == null || raw.text().isBlank()) {
      throw new ConfigException(
          key,
          key
              + " is required; expected "
              + expected
              + " (set it in the file, "
              + envName(key)
              + ", or the matching flag)");
    }
    return raw.text();
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.text().trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    throw ConfigException.invalid(
        key, raw.origin(), raw.text(), "an integer from " + min + " to " + max);
  }

  public boolean bool(String key, boolean defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    return switch (raw.text().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw ConfigException.invalid(key, raw.origin(), raw.text(), "true or false");
    };
  }

  /**
   * A duration as ISO 8601 ({@code PT5S}) or a number with a unit: {@code 500ms}, {@code 5s},
   * {@code 2m}, {@code 1h}.
   */
  public Duration duration(String key, Duration defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    Duration d = Durations.parse(raw.text());
    if (d == null || d.isNegative()) {
      throw ConfigException.invalid(
          key, raw.origin(), raw.text(), "a duration such as 500ms, 5s, 2m, 1h or PT5S");
    }
    return d;
  }

  /** A list of durations, each as {@link #duration} reads one. */
  public List<Duration> durations(String key, List<Duration> defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    List<Duration> out = new ArrayList<>();
    for (String item : list(key, List.of())) {
      Duration d = Durations.parse(item);
      if (d == null || d.isNegative() || d.isZero()) {
        throw ConfigException.invalid(
            key, raw.origin(), item, "positive durations such as 1m, 1h or PT5M");
      }
      out.add(d);
    }
    return List.copyOf(out);
  }

  /** A list: a YAML sequence, or a comma-separated string from the environment or a flag. */
  public List<String> list(String key, List<String> defaultValue) {
    Raw raw = raw(key);
    if (raw == null) {
      return defaultValue;
    }
    if (raw.items() != null) {
      return List.copyOf(raw.items());
    }
    List<String> items = new ArrayList<>();
    for (String item : raw.text().split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return List.copyOf(items);
  }

  /** A path that is a writable directory, created when missing. */
  public Path writableDirectory(String key, Path defaultValue) {
    Raw raw = raw(key);
    Path dir = raw == null ? defaultValue : Path.of(raw.text());
    String origin = raw == null ? "default" : raw.origin();
    if (dir == null) {
      throw new ConfigException(key, key + " is required; expected a writable directory");
    }
    return Directories.ensureWritable(key, origin, dir);
  }

  /** Values of {@code prefix.*} from the file, e.g. extra Kafka client properties. */
  public Map<String, String> subtree(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    file.forEach(
        (k, v) -> {
          if (k.startsWith(prefix + ".") && v.text() != null) {
            read.add(k);
            out.put(k.substring(prefix.length() + 1), v.text());
          }
        });
    return out;
  }

  /** Fails on keys in the file that no getter asked for: a typo must not be ignored silently. */
  /**
   * Fails on a key of the file that this role never read, naming it and the keys it knows. One file
   * may configure every role (docs/configuration.md), so a key in a section only other roles read
   * ({@link #SECTIONS}) is theirs to check; a key in a section this role reads, or in a section no
   * role has, is a typo.
   */
  public void rejectUnknownKeys() {
    Set<String> ownSections = new TreeSet<>();
    read.forEach(k -> ownSections.add(section(k)));
    Set<String> unknown = new TreeSet<>();
    for (String key : file.keySet()) {
      String section = section(key);
      if (!read.contains(key) && (ownSections.contains(section) || !SECTIONS.contains(section))) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      String key = unknown.iterator().next();
      throw new ConfigException(
          key,
          "unknown key '"
              + key
              + "' in "
              + fileName
              + "; known keys: "
              + String.join(", ", new TreeSet<>(read)));
    }
  }

  private static String section(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  private Raw raw(String key) {
    read.add(key);
    String flag = flags.get(key);
    if (flag != null) {
      return new Raw(flag, null, "flag");
    }
    String envValue = env.get(envName(key));
    if (envValue != null) {
      return new Raw(envValue, null, envName(key));
    }
    Value v = file.get(key);
    if (v == null) {
      return null;
    }
    return new Raw(v.text() == null ? String.join(",", v.items()) : v.text(), v.items(), fileName);
  }

  private record Value(String text, List<String> items) {}

  private record Raw(String text, List<String> items, String origin) {}

  static final class Durations {
    private Durations() {}

    static Duration parse(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      try {
        if (t.startsWith("pt") || t.startsWith("p")) {
          return Duration.parse(text.trim());
        }
        if (t.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> null;
        };
      } catch (NumberFormatException
          | DateTimeParseException
          | StringIndexOutOfBoundsException
          | ArithmeticException e) {
        // ArithmeticException: a number of minutes, hours or days beyond what a Duration holds.
        return null;
      }
    }
  }
}
