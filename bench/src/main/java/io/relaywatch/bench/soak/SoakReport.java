package io.relaywatch.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Runs the end-of-soak checks and prints their figures, the fault timeline and the verdict. */
final class SoakReport {
  private SoakReport() {}

  static boolean verify(
      SoakOptions options,
      Path work,
      MailLogWriter writer,
      Pipeline pipeline,
      WebhookSink webhook,
      AlertmanagerWatch watch,
      Soak.SoakProbers probers,
      Instant stopped,
      FaultTimeline timeline,
      Instant started)
      throws Exception {
    List<String> failures = new ArrayList<>();
    SoakVerification verification = new SoakVerification(pipeline.bootstrap());
    ExactlyOnceCheck.Result raw = verification.rawLines(writer.files(), writer.lines());
    timeline.record("verifier", "raw lines read");
    RelayDenialCheck.Result denials = verification.relayDenials(writer.relayDenials());
    timeline.record("verifier", "relay-denial totals read");
    AlertLifecycleCheck.Result alerts = alerts(probers, stopped, webhook, watch);
    timeline.record("verifier", "alerts checked");

    System.out.println();
    System.out.printf(
        "soak: %s at %d lines/s, seed %d, rotation every %ss; work dir %s%n",
        options.duration(),
        options.rate(),
        options.seed(),
        options.rotateEvery().toSeconds(),
        work);
    timeline.print(System.out);
    System.out.printf(
        "raw lines (relaywatch.raw-lines, read_committed): written %d in %d files (%d"
            + " rotations), delivered %d, lost %d, duplicated %d, out of order %d, unmatched %d%n",
        raw.written(),
        writer.files().size(),
        writer.rotations(),
        raw.delivered(),
        raw.lost(),
        raw.duplicated(),
        raw.outOfOrder(),
        raw.unmatched());
    if (!raw.passed()) {
      failures.add("raw lines: not every written line exactly once and in order");
    }
    System.out.printf(
        "relay denials (relaywatch.relay-denials, %s windows): %d clients, written %d, counted"
            + " %d, clients differing %d %s%n",
        SoakFiles.VERIFIED_WINDOW,
        denials.clients(),
        denials.expected(),
        denials.counted(),
        denials.clientsDiffering(),
        denials.mismatches());
    if (!denials.passed()) {
      failures.add("relay-denial totals differ from what was written");
    }
    printAlerts(alerts, webhook, watch);
    printAlertTimelines(webhook.received(), started);
    if (!alerts.passed()) {
      failures.add("alerts: " + String.join("; ", alerts.problems()));
    }
    failures.addAll(faultsMissing(timeline));
    if (webhook.refused() > 0) {
      failures.add(webhook.refused() + " webhook requests with a bad signature or body");
    }
    System.out.printf(
        "soak took %ds end to end%n", Duration.between(started, Instant.now()).toSeconds());
    failures.forEach(f -> System.out.println("FAILED: " + f));
    return failures.isEmpty();
  }

  private static AlertLifecycleCheck.Result alerts(
      Soak.SoakProbers probers, Instant stopped, WebhookSink webhook, AlertmanagerWatch watch)
      throws InterruptedException {
    Set<String> steady = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    for (MailLogWriter.Prober p : probers.all()) {
      (p.quiet() ? quiet : steady).add("open_relay_probe/" + p.ip());
    }
    Deadline.await(
        SoakVerification.DRAIN_LIMIT,
        Duration.ofSeconds(2),
        () ->
            AlertLifecycleCheck.check(steady, quiet, stopped, webhook.received(), watch.seen())
                .passed());
    return AlertLifecycleCheck.check(steady, quiet, stopped, webhook.received(), watch.seen());
  }

  private static void printAlerts(
      AlertLifecycleCheck.Result alerts, WebhookSink webhook, AlertmanagerWatch watch) {
    System.out.printf(
        "alerts: expected %d, delivered to the webhook %d, listed by Alertmanager %d, lifecycles"
            + " %d; webhook notifications %d (re-deliveries of one state %d, refused %d);"
            + " Alertmanager polls failed %d; other alert keys %s%n",
        alerts.expected(),
        alerts.delivered(),
        alerts.inAlertmanager(),
        alerts.lifecycles(),
        alerts.notifications(),
        alerts.redeliveries(),
        webhook.refused(),
        watch.failedPolls(),
        alerts.unexpectedKeys());
  }

  /** Per alert key: when it first fired and last changed, notifications, lifecycles, state. */
  private static void printAlertTimelines(List<AlertState> states, Instant started) {
    Map<String, List<AlertState>> byKey = new TreeMap<>();
    for (AlertState state : states) {
      byKey.computeIfAbsent(state.key(), k -> new ArrayList<>()).add(state);
    }
    byKey.forEach(
        (key, list) -> {
          if (!key.startsWith("open_relay_probe/")) {
            return;
          }
          list.sort(Comparator.comparing(AlertState::updatedAt));
          AlertState last = list.get(list.size() - 1);
          System.out.printf(
              "  %-30s fired %s, %d notifications, %d startsAt, last %s at %s%n",
              key,
              FaultTimeline.format(Duration.between(started, list.get(0).startsAt())),
              list.size(),
              list.stream().map(AlertState::startsAt).distinct().count(),
              last.status(),
              FaultTimeline.format(Duration.between(started, last.updatedAt())));
        });
  }

  private static List<String> faultsMissing(FaultTimeline timeline) {
    List<String> missing = new ArrayList<>();
    for (String role : Pipeline.KILLED) {
      if (timeline.count(role, "SIGKILL") == 0) {
        missing.add(role + " was never killed");
      }
    }
    for (String role : Pipeline.RESTARTED) {
      if (timeline.count(role, "started again") == 0) {
        missing.add(role + " was never restarted");
      }
    }
    return missing;
  }
}
