package io.relaywatch.alerts.diagnose;

/**
 * The bounds that keep {@code relaywatch diagnose} flat in memory however large its input: a log of
 * a botnet's probes from a million addresses must not need a heap to match. When a table is full
 * its less-counted half is dropped, which the {@link Diagnosis} reports as {@link
 * Diagnosis.Coverage}.
 *
 * <p>With the defaults the tables stay below roughly 150 MB in the worst case: 100,000 clients and
 * 100,000 recipient domains of well under 1 KB each, plus 2,000,000 distinct-value hashes of 16
 * bytes each shared by all of them.
 *
 * @param maxClients client IPs tracked
 * @param maxDomains recipient domains tracked
 * @param maxHosts mail hosts tracked (SASL backend errors)
 * @param maxDistinctPerSubject distinct recipient domains counted exactly per client, and distinct
 *     clients per domain; beyond that the count is a lower bound
 * @param distinctBudget distinct values remembered over all clients and domains together
 * @param maxOpenSessions smtpd sessions open at once before the quieter half is closed early
 */
public record DiagnoseLimits(
    int maxClients,
    int maxDomains,
    int maxHosts,
    int maxDistinctPerSubject,
    long distinctBudget,
    int maxOpenSessions) {
  public static final DiagnoseLimits DEFAULTS =
      new DiagnoseLimits(100_000, 100_000, 1_000, 1_000, 2_000_000, 100_000);

  public DiagnoseLimits {
    if (maxClients < 2
        || maxDomains < 2
        || maxHosts < 2
        || maxDistinctPerSubject < 1
        || distinctBudget < 1
        || maxOpenSessions < 2) {
      throw new IllegalArgumentException(
          "diagnose limits too small: tables need at least 2 entries, counters at least 1");
    }
  }
}
