package io.relaywatch.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client properties from {@code KAFKA_*} environment variables, as container images of Kafka
 * tools do: {@code KAFKA_BOOTSTRAP_SERVERS} is {@code bootstrap.servers}, {@code
 * KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}. A double underscore stands for a literal
 * underscore (rare in client property names).
 */
public final class KafkaEnvironment {
  private static final String PREFIX = "KAFKA_";

  private KafkaEnvironment() {}

  /**
   * A service's Kafka client properties, later sources winning: {@code kafka.properties.*} from the
   * settings file, the required {@code kafka.bootstrapServers}, then {@code KAFKA_*} variables.
   */
  public static Map<String, Object> clientProperties(Settings s, Map<String, String> env) {
    Map<String, Object> kafka = new LinkedHashMap<>(s.subtree("kafka.properties"));
    kafka.put(
        "bootstrap.servers",
        s.requiredString("kafka.bootstrapServers", "host:port[,host:port...]"));
    kafka.putAll(clientProperties(env));
    return kafka;
  }

  public static Map<String, String> clientProperties(Map<String, String> env) {
    Map<String, String> props = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
            props.put(propertyName(name.substring(PREFIX.length())), value);
          }
        });
    return props;
  }

  static String propertyName(String envSuffix) {
    return envSuffix
        .toLowerCase(Locale.ROOT)
        .replace("__", "\u0000")
        .replace('_', '.')
        .replace('\u0000', '_');
  }
}
