package io.relaywatch.alerts.service;

import static io.relaywatch.alerts.evidence.TestRecords.at;
import static io.relaywatch.alerts.evidence.TestRecords.denials;
import static io.relaywatch.alerts.evidence.TestRecords.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.VerdictEngine;
import io.relaywatch.alerts.evidence.EvidenceLedger;
import io.relaywatch.alerts.evidence.LedgerLimits;
import io.relaywatch.config.Settings;
import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.AuthOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service's evaluation with the real verdict engine: an internal application server, sending as
 * a local domain on port 25 without AUTH, is denied relay once a minute for ten minutes.
 */
class EngineTimelineTest {
  private static final String APP = "10.0.0.5";

  @Test
  void shouldFireTrustedSenderNotInMynetworksAndResolveAfterTheDenialsStop() {
    VerdictConfig site =
        VerdictConfig.from(Settings.load(null, Map.of(), Map.of("localDomains", "example.com")));
    EvidenceLedger ledger =
        new EvidenceLedger(
            site, new LedgerLimits(Duration.ofHours(1), Duration.ofMinutes(1), 100), () -> {});
    EvaluationCycle cycle =
        new EvaluationCycle(
            ledger,
            VerdictEngine.create(site)::evaluate,
            new AlertLifecycle(AlertTiming.DEFAULTS),
            () -> {});
    List<String> sent = new ArrayList<>();
    Alert first = null;
    for (long t = 0; t <= 2 * 3600; t += 10) {
      if (t < 600 && t % 60 == 0) {
        ledger.add(denials(APP, t, 1));
        ledger.add(session(APP, t, AuthOutcome.NEVER_TRIED, true, 0));
      }
      for (Alert a : cycle.run(at(t))) {
        sent.add(t + " " + a.status().wireName());
        first = first == null ? a : first;
      }
    }

    assertThat(first).isNotNull();
    assertThat(first.key()).isEqualTo("trusted_sender_not_in_mynetworks/" + APP);
    assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(first.startsAt()).isBefore(at(601));
    assertThat(String.join("\n", first.finding().fix().postfix())).contains(APP + "/32");
    // The last denial (t=540, window [540, 600)) leaves the hour at t=4200, so the last
    // evaluation that can produce the finding is at t=4190 and it resolves by t=4490 (earlier if
    // the rule's threshold stops holding as the first denials leave the window).
    String last = sent.get(sent.size() - 1);
    assertThat(last).endsWith(" resolved");
    assertThat(Long.parseLong(last.split(" ")[0])).isBetween(3600L + 300, 4490L);
  }
}
