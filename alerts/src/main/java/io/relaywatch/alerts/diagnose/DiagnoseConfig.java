package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;
import io.relaywatch.streams.topology.SessionConfig;

/**
 * The settings of {@code relaywatch diagnose}: the site (the verdict engine's {@code mta}, {@code
 * networks.internal}, {@code networks.trusted}, {@code localDomains}, {@code postfix.mynetworks})
 * and how sessions are joined ({@code sessions.timeout}, {@code sessions.scanInterval}, as in the
 * Streams application).
 */
public record DiagnoseConfig(VerdictConfig site, SessionConfig sessions) {
  /** The defaults: no file, no environment. */
  public static DiagnoseConfig defaults() {
    return new DiagnoseConfig(VerdictConfig.defaults(), SessionConfig.defaults());
  }

  /**
   * Reads the keys above and fails on any other key in the file, so that a typo ({@code
   * networks.internl}) is an error rather than a diagnosis against the default networks.
   *
   * @throws ConfigException naming the key, the bad value and what was expected
   */
  public static DiagnoseConfig from(Settings s) {
    VerdictConfig site = VerdictConfig.from(s);
    SessionConfig sessions =
        new SessionConfig(
            s.duration("sessions.timeout", SessionConfig.DEFAULT_TIMEOUT),
            s.duration("sessions.scanInterval", SessionConfig.DEFAULT_SCAN_INTERVAL));
    s.rejectUnknownKeys();
    return new DiagnoseConfig(site, sessions);
  }
}
