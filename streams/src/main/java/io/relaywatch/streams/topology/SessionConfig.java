package io.relaywatch.streams.topology;

import io.relaywatch.config.ConfigException;
import java.time.Duration;

/**
 * Settings of session correlation.
 *
 * @param timeout a session with no line for this long (stream time) is closed as {@code timeout};
 *     Postfix's own idle limit is {@code smtpd_timeout} (300 s), so twice that leaves room for a
 *     slow client and a lagging log
 * @param scanInterval how often (stream time) open sessions are checked against the timeout
 */
public record SessionConfig(Duration timeout, Duration scanInterval) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofMinutes(1);

  public SessionConfig {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new ConfigException(
          "sessions.timeout",
          "sessions.timeout: '" + timeout + "' is not valid; expected a positive duration");
    }
    if (scanInterval == null
        || scanInterval.isNegative()
        || scanInterval.isZero()
        || scanInterval.compareTo(timeout) > 0) {
      throw new ConfigException(
          "sessions.scanInterval",
          "sessions.scanInterval: '"
              + scanInterval
              + "' is not valid; expected a positive duration no longer than sessions.timeout ("
              + timeout
              + ")");
    }
  }

  /** 10 minutes of timeout, checked every minute. */
  public static SessionConfig defaults() {
    return new SessionConfig(DEFAULT_TIMEOUT, DEFAULT_SCAN_INTERVAL);
  }

  /** The given timeout, checked a tenth as often but at least every minute. */
  public static SessionConfig withTimeout(Duration timeout) {
    Duration tenth = timeout == null ? null : timeout.dividedBy(10);
    Duration scan =
        tenth == null || tenth.compareTo(DEFAULT_SCAN_INTERVAL) > 0 ? DEFAULT_SCAN_INTERVAL : tenth;
    return new SessionConfig(timeout, scan.isZero() ? timeout : scan);
  }
}
