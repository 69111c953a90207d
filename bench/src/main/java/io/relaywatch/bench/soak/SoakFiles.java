package io.relaywatch.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The configuration files of one soak: relaywatch's (one file for ship, streams and alerts) with
 * small windows and intervals so alerts fire, re-send and resolve within minutes, and
 * Alertmanager's, which only stores and lists alerts.
 */
final class SoakFiles {
  static final String WEBHOOK_SECRET = "soak-webhook-secret-0123456789";
  static final String VERIFIED_WINDOW = "PT1H";
  static final Duration ALERT_WINDOW = Duration.ofSeconds(120);
  static final Duration RESOLVE_AFTER = Duration.ofSeconds(20);

  private SoakFiles() {}

  static Path relaywatch(Path dir, String bootstrap, String alertmanagerUrl, String webhookUrl)
      throws IOException {
    String networks =
        String.join(
            ", ", SoakTraffic.internalNetworks().stream().map(n -> "\"" + n + "\"").toList());
    String yaml =
        """
        kafka:
          bootstrapServers: %s
        networks:
          internal: [%s]
        localDomains: [example.com]
        postfix:
          mynetworks: 127.0.0.0/8
        mta: postfix
        streams:
          zone: UTC
        aggregation:
          windowSizes: [10s, 1h]
        alerts:
          window: %ds
          aggregateWindowSize: 10s
          evaluationInterval: 2s
          resendInterval: 15s
          resolveAfter: %ds
          alertmanager:
            urls: ["%s"]
          webhook:
            urls: ["%s"]
            secret: "%s"
          retry:
            initial: 1s
            max: 5s
        """
            .formatted(
                bootstrap,
                networks,
                ALERT_WINDOW.toSeconds(),
                RESOLVE_AFTER.toSeconds(),
                alertmanagerUrl,
                webhookUrl,
                WEBHOOK_SECRET);
    return Files.writeString(dir.resolve("relaywatch.yml"), yaml);
  }

  static Path alertmanager(Path dir) throws IOException {
    String yaml =
        """
        route:
          receiver: blackhole
          group_wait: 1s
          group_interval: 5s
          repeat_interval: 1h
        receivers:
          - name: blackhole
        """;
    return Files.writeString(dir.resolve("alertmanager.yml"), yaml);
  }
}
