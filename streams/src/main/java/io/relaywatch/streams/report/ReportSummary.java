package io.relaywatch.streams.report;

import com.fasterxml.jackson.annotation.JsonValue;
import inet.ipaddr.IPAddress;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.IpAddresses;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a mail log says about refused mail, as one immutable value: written as a table or, by {@code
 * relaywatch report --json}, as JSON with these field names. Count maps are ordered largest first.
 *
 * @param totalLines lines read
 * @param events lines recognised as events
 * @param eventsByType events per type (wire name), every type present
 * @param ignoredLines ordinary lines that say nothing about rejects
 * @param unparsedLines lines that looked relevant but matched no pattern
 * @param unparsedByReason unparsed lines per reason
 * @param rejects reject events by reason, SMTP code and service
 * @param relayDenials refused relay attempts per client
 * @param saslFailures failed SASL logins per client
 * @param saslBackendErrors times the SASL backend could not be reached
 */
public record ReportSummary(
    long totalLines,
    long events,
    Map<String, Long> eventsByType,
    long ignoredLines,
    long unparsedLines,
    Map<String, Long> unparsedByReason,
    Rejects rejects,
    RelayDenials relayDenials,
    SaslFailures saslFailures,
    SaslBackendErrors saslBackendErrors) {

  public ReportSummary {
    eventsByType = ordered(eventsByType);
    unparsedByReason = ordered(unparsedByReason);
  }

  static Map<String, Long> ordered(Map<String, Long> counts) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /**
   * Reject events. Only real refusals (action {@code reject} or {@code milter-reject}, or no action
   * logged, as with Exim and Sendmail) are counted by reason, code and service; Postfix's {@code
   * reject_warning} dry runs are counted apart.
   *
   * @param refused rejects that refused mail
   * @param warnings {@code reject_warning} lines: what would have been refused
   * @param byReason refusals per reason (wire name)
   * @param bySmtpCode refusals per SMTP reply code, {@code none} when the line had none
   * @param byService refusals per service ({@code smtpd}, {@code postscreen}, ...), else per MTA
   */
  public record Rejects(
      long refused,
      long warnings,
      Map<String, Long> byReason,
      Map<String, Long> bySmtpCode,
      Map<String, Long> byService) {
    public Rejects {
      byReason = ordered(byReason);
      bySmtpCode = ordered(bySmtpCode);
      byService = ordered(byService);
    }
  }

  /**
   * Refused relay attempts.
   *
   * @param total relay denials
   * @param clients distinct clients; an upper bound when {@code approximate}
   * @param approximate whether clients were dropped to bound memory (see ReportLimits)
   * @param droppedClients clients dropped
   * @param droppedEvents denials of dropped clients, still counted in {@code total}
   * @param top the most-refused clients, most first
   */
  public record RelayDenials(
      long total,
      long clients,
      boolean approximate,
      long droppedClients,
      long droppedEvents,
      List<RelayDeniedClient> top) {
    public RelayDenials {
      top = List.copyOf(top);
    }
  }

  /**
   * One client refused as a relay.
   *
   * @param recipientDomains distinct recipient domains it tried
   * @param recipientDomainsAtLeast whether {@code recipientDomains} is a lower bound (limit
   *     reached)
   */
  public record RelayDeniedClient(
      String clientIp,
      long count,
      int recipientDomains,
      boolean recipientDomainsAtLeast,
      OffsetDateTime firstSeen,
      OffsetDateTime lastSeen,
      Network network) {}

  /**
   * Failed SASL logins; fields as in {@link RelayDenials}.
   *
   * @param top the clients with most failures, most first
   */
  public record SaslFailures(
      long total,
      long clients,
      boolean approximate,
      long droppedClients,
      long droppedEvents,
      List<SaslFailedClient> top) {
    public SaslFailures {
      top = List.copyOf(top);
    }
  }

  /**
   * One client whose SASL logins failed.
   *
   * @param usernames some of the user names it tried, in order of first use
   * @param usernamesCapped whether it tried more user names than are listed
   */
  public record SaslFailedClient(
      String clientIp,
      long count,
      List<String> usernames,
      boolean usernamesCapped,
      OffsetDateTime firstSeen,
      OffsetDateTime lastSeen,
      Network network) {
    public SaslFailedClient {
      usernames = List.copyOf(usernames);
    }
  }

  /**
   * Times the MTA could not reach its SASL backend: while it lasts nobody can log in.
   *
   * @param sampleMessage the first such message, shortened
   */
  public record SaslBackendErrors(
      long count, OffsetDateTime firstSeen, OffsetDateTime lastSeen, String sampleMessage) {}

  /** Where a client address lies, by the configured internal networks. */
  public enum Network {
    INTERNAL("internal"),
    EXTERNAL("external"),
    /** No address was logged, or it was not an IP address. */
    UNKNOWN("unknown");

    private final String wireName;

    Network(String wireName) {
      this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
      return wireName;
    }

    static Network of(String clientIp, InternalNetworks internal) {
      IPAddress address = IpAddresses.parse(clientIp);
      if (address == null) {
        return UNKNOWN;
      }
      return internal.contains(address) ? INTERNAL : EXTERNAL;
    }
  }
}
