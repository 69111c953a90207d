package io.relaywatch.config;

/**
 * A configuration error found at start-up. The message names the key, where its value came from,
 * the value, and what was expected, so that the person reading it can fix it without the source.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** {@code ship.batchLines (from RELAYWATCH_SHIP_BATCH_LINES): '0' is not valid; expected ...}. */
  static ConfigException invalid(String key, String origin, Object value, String expected) {
    return new ConfigException(
        key, key + " (from " + origin + "): '" + value + "' is not valid; expected " + expected);
  }

  public String key() {
    return key;
  }
}
