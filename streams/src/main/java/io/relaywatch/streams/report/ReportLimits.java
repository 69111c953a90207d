package io.relaywatch.streams.report;

/**
 * The bounds that keep a report's memory flat however large its input: a 10 GB log of a botnet's
 * probes must not need 10 GB of heap.
 *
 * <p>With the defaults the client tables stay below roughly 100 MB in the worst case: 100,000
 * clients per table of about 300 bytes each, plus at most 2,000,000 recipient-domain hashes of 16
 * bytes each shared by all clients.
 *
 * @param maxClients clients tracked per table (relay denials, SASL failures); when a table is full
 *     its less-counted half is dropped and the report is marked approximate
 * @param maxDomainsPerClient distinct recipient domains counted exactly per client; beyond that the
 *     count is reported as "at least"
 * @param domainBudget distinct recipient domains remembered over all clients together
 * @param maxUsernamesPerClient SASL user names kept per client as examples
 */
public record ReportLimits(
    int maxClients, int maxDomainsPerClient, long domainBudget, int maxUsernamesPerClient) {
  public static final ReportLimits DEFAULTS = new ReportLimits(100_000, 1_000, 2_000_000, 10);

  public ReportLimits {
    if (maxClients < 2
        || maxDomainsPerClient < 1
        || domainBudget < 1
        || maxUsernamesPerClient < 0) {
      throw new IllegalArgumentException("report limits must be positive: " + maxClients);
    }
  }
}
