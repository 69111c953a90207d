package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The relay denials of one client IP in one time window, as they stand after the latest denial: the
 * value of {@code relaywatch.relay-denials}. A new value is written on every denial, so the newest
 * record for a (client IP, window) pair supersedes the older ones. Field meanings are in
 * docs/events.md.
 *
 * @param clientIp the refused client's address (also the record key)
 * @param windowStart start of the window, inclusive (UTC)
 * @param windowEnd end of the window, exclusive (UTC)
 * @param windowSize the window's length as an ISO 8601 duration, e.g. {@code PT1M}
 * @param count relay denials in the window
 * @param recipientDomains distinct recipient domains; exact while {@code recipientDomainsExact}
 * @param recipientDomainsExact whether {@code recipientDomains} is exact or an estimate
 * @param recipientDomainList the first recipient domains seen, in order, at most a configured few
 * @param senders distinct envelope senders; exact while {@code sendersExact}
 * @param sendersExact whether {@code senders} is exact or an estimate
 * @param localSenders denials whose sender is in one of the configured local domains
 * @param foreignSenders denials whose sender is in any other domain
 * @param services the MTA services that refused (e.g. {@code smtpd}, {@code submission})
 * @param smtpCodes the SMTP reply codes sent
 * @param mailHosts the mail hosts that logged the denials
 * @param firstSeen time of the earliest denial, as logged
 * @param lastSeen time of the latest denial, as logged
 * @param sampleLines the first raw lines of the window, at most three
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "clientIp",
  "windowStart",
  "windowEnd",
  "windowSize",
  "count",
  "recipientDomains",
  "recipientDomainsExact",
  "recipientDomainList",
  "senders",
  "sendersExact",
  "localSenders",
  "foreignSenders",
  "services",
  "smtpCodes",
  "mailHosts",
  "firstSeen",
  "lastSeen",
  "sampleLines"
})
public record RelayDenialAggregate(
    String clientIp,
    Instant windowStart,
    Instant windowEnd,
    String windowSize,
    long count,
    long recipientDomains,
    boolean recipientDomainsExact,
    List<String> recipientDomainList,
    long senders,
    boolean sendersExact,
    long localSenders,
    long foreignSenders,
    List<String> services,
    List<Integer> smtpCodes,
    List<String> mailHosts,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    List<String> sampleLines) {

  public RelayDenialAggregate {
    if (clientIp == null || windowStart == null || windowEnd == null || windowSize == null) {
      throw new IllegalArgumentException("clientIp and the window are required");
    }
    recipientDomainList = copy(recipientDomainList);
    services = copy(services);
    smtpCodes = copy(smtpCodes);
    mailHosts = copy(mailHosts);
    sampleLines = copy(sampleLines);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
