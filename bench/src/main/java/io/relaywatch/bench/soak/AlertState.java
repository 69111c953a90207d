package io.relaywatch.bench.soak;

import java.time.Instant;

/**
 * One alert state as a receiver saw it: from the webhook ({@code id} set) or from Alertmanager's
 * {@code /api/v2/alerts} ({@code id} null, {@code status} as Alertmanager computes it).
 *
 * @param key {@code verdict/subject}
 * @param status {@code firing} or {@code resolved}
 * @param seenAt when the harness received or observed it
 */
record AlertState(
    String id, String key, String status, Instant startsAt, Instant updatedAt, Instant seenAt) {
  boolean firing() {
    return "firing".equals(status);
  }
}
