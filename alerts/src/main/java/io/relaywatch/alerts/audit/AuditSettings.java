package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.config.ConfigException;
import io.relaywatch.config.Settings;

/**
 * The settings of {@code relaywatch audit}: the verdict engine's site keys ({@code
 * networks.internal} above all, which decides what {@code mynetworks} may trust); any other key in
 * those sections is an error, never an audit against the default networks.
 */
public final class AuditSettings {
  private AuditSettings() {}

  /**
   * @throws ConfigException naming the key, the bad value and what was expected
   */
  public static VerdictConfig from(Settings s) {
    VerdictConfig site = VerdictConfig.from(s);
    s.rejectUnknownKeys();
    return site;
  }
}
