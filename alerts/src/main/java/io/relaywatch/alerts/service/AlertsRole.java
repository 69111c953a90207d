package io.relaywatch.alerts.service;

import io.prometheus.client.CollectorRegistry;
import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.alerts.notify.DurableNotifier;
import io.relaywatch.alerts.notify.NotifyConfig;
import io.relaywatch.config.Settings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The alert role as the commands run it: the service, the verdict engine and the receivers, all
 * configured from one set of settings. The one place the receivers are built, for {@code relaywatch
 * alerts}, {@code all} and {@code demo}.
 *
 * @param alerts the service's settings
 * @param receivers the receivers' settings
 */
public record AlertsRole(AlertsConfig alerts, NotifyConfig receivers) {
  /**
   * Reads and validates every key of the role. The receivers' keys share the {@code alerts} section
   * with the service's, so unknown keys are rejected only after both have read theirs.
   */
  public static AlertsRole configure(Settings settings, Map<String, String> env) {
    AlertsRole role = new AlertsRole(AlertsConfig.from(settings, env), NotifyConfig.from(settings));
    settings.rejectUnknownKeys();
    return role;
  }

  /** Starts the receivers, then the service, which owns them from then on. */
  public AlertService start(PrintStream console, Clock clock) throws Exception {
    CollectorRegistry registry = new CollectorRegistry(true);
    DurableNotifier notifier = DurableNotifier.start(receivers, registry, console);
    try {
      return AlertService.start(
          alerts, VerdictEngine.create(alerts.verdicts())::evaluate, notifier, registry, clock);
    } catch (Exception | Error e) {
      notifier.close();
      throw e;
    }
  }
}
