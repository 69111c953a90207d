package io.relaywatch.alerts.service;

import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle of every alert, one per {@link Finding#key()} (verdict and subject). Pure: the
 * caller passes the time and each evaluation's findings, and gets back the alert states to write
 * and notify.
 *
 * <ul>
 *   <li>A finding with no firing alert fires one at once: {@code startsAt} = now, {@code endsAt} =
 *       now + {@link AlertTiming#endsAfter()}.
 *   <li>While evaluations keep producing it, the alert is sent again every {@code resendInterval}
 *       (at once when its severity changes) with a fresh {@code endsAt} and the latest finding.
 *   <li>When no evaluation has produced it for {@code resolveAfter}, it resolves: sent once with
 *       {@code endsAt} = now, then forgotten. A later finding starts a new alert.
 * </ul>
 *
 * <p>Not thread-safe: one evaluation at a time.
 */
public final class AlertLifecycle {
  private final AlertTiming timing;
  private final Map<String, Tracked> firing = new HashMap<>();

  public AlertLifecycle(AlertTiming timing) {
    this.timing = timing;
  }

  /**
   * Carries on with an alert as last written (restart): a firing alert keeps its {@code startsAt}
   * and counts as sent and produced at its {@code updatedAt}; a resolved one is forgotten.
   */
  public void restore(Alert alert) {
    if (alert.status() == AlertStatus.FIRING) {
      firing.put(alert.key(), new Tracked(alert, alert.updatedAt()));
    } else {
      firing.remove(alert.key());
    }
  }

  /**
   * One evaluation at {@code now}.
   *
   * @param findings everything the evaluation found; of several with one key the first counts
   * @return the alert states to write and notify, in the order of the findings, then resolutions
   */
  public List<Alert> evaluate(Collection<Finding> findings, Instant now) {
    Map<String, Finding> produced = new LinkedHashMap<>();
    findings.forEach(f -> produced.putIfAbsent(f.key(), f));
    List<Alert> out = new ArrayList<>();
    produced.forEach((key, finding) -> holds(key, finding, now, out));
    for (Iterator<Tracked> it = firing.values().iterator(); it.hasNext(); ) {
      Tracked t = it.next();
      if (!produced.containsKey(t.sent.key())
          && !now.isBefore(t.lastProduced.plus(timing.resolveAfter()))) {
        out.add(
            new Alert(t.sent.key(), AlertStatus.RESOLVED, t.sent.startsAt(), now, now, t.latest));
        it.remove();
      }
    }
    return out;
  }

  private void holds(String key, Finding finding, Instant now, List<Alert> out) {
    Tracked t = firing.get(key);
    if (t == null) {
      Alert fired = firingAlert(key, now, now, finding);
      firing.put(key, new Tracked(fired, now));
      out.add(fired);
      return;
    }
    t.latest = finding;
    t.lastProduced = now;
    boolean due = !now.isBefore(t.sent.updatedAt().plus(timing.resendInterval()));
    if (due || finding.severity() != t.sent.finding().severity()) {
      t.sent = firingAlert(key, t.sent.startsAt(), now, finding);
      out.add(t.sent);
    }
  }

  private Alert firingAlert(String key, Instant startsAt, Instant now, Finding finding) {
    return new Alert(key, AlertStatus.FIRING, startsAt, now.plus(timing.endsAfter()), now, finding);
  }

  /** The firing alerts as last sent. */
  public List<Alert> firing() {
    return firing.values().stream().map(t -> t.sent).toList();
  }

  private static final class Tracked {
    Alert sent;
    Finding latest;
    Instant lastProduced;

    Tracked(Alert sent, Instant lastProduced) {
      this.sent = sent;
      this.latest = sent.finding();
      this.lastProduced = lastProduced;
    }
  }
}
