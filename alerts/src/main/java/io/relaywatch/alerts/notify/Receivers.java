package io.relaywatch.alerts.notify;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the configured receivers and names them: {@code alertmanager-1..n} (one per replica),
 * {@code pagerduty}, {@code webhook-1..n}, {@code stdout}. A name is an outbox directory and a
 * metric label, so it follows the configuration's order, not anything from the alerts.
 */
final class Receivers {
  private Receivers() {}

  static List<Receiver> from(NotifyConfig config, PrintStream stdout) {
    HttpClient client = HttpPost.newClient(config.connectTimeout());
    HttpPost http = new HttpPost(client, config.requestTimeout());
    List<Receiver> out = new ArrayList<>();
    int i = 1;
    for (var url : config.alertmanagerUrls()) {
      out.add(new AlertmanagerReceiver("alertmanager-" + i++, url, http, config.runbooks()));
    }
    NotifyConfig.PagerDuty pd = config.pagerDuty();
    if (pd != null) {
      out.add(
          new PagerDutyReceiver(pd.url(), pd.routingKey(), pd.source(), http, config.runbooks()));
    }
    i = 1;
    for (var url : config.webhookUrls()) {
      out.add(
          new WebhookReceiver(
              "webhook-" + i++, url, config.webhookSecret(), http, Clock.systemUTC()));
    }
    if (config.stdout()) {
      out.add(new StdoutReceiver(stdout, config.runbooks(), config.stdoutColor()));
    }
    return out;
  }
}
