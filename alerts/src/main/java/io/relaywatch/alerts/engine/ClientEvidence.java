package io.relaywatch.alerts.engine;

import io.relaywatch.events.Mta;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Everything about one client IP: its relay denials (as in {@link
 * io.relaywatch.events.RelayDenialAggregate}) and its sessions.
 *
 * @param clientIp the client's address, as logged (validated before it goes into any fix)
 * @param relayDenials relay denials (real rejects, not {@code reject_warning})
 * @param recipientDomains distinct recipient domains of the denials
 * @param recipientDomainList the first of those domains, in order
 * @param localSenders denials whose envelope sender is in a local domain
 * @param foreignSenders denials whose envelope sender is in any other domain (or empty)
 * @param services the MTA services that refused ({@code smtpd} means port 25, {@code submission}
 *     587, {@code smtps} 465); empty for MTAs that do not log it
 * @param mtas the MTAs that logged the denials
 * @param mailHosts the mail hosts that logged them
 * @param sessions what the client's sessions say about AUTH
 * @param messages what its accepted messages say about relaying
 */
public record ClientEvidence(
    String clientIp,
    long relayDenials,
    long recipientDomains,
    List<String> recipientDomainList,
    long localSenders,
    long foreignSenders,
    Set<String> services,
    Set<Mta> mtas,
    Set<String> mailHosts,
    SessionStats sessions,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    List<String> sampleLines,
    MessageStats messages)
    implements Evidence {
  public ClientEvidence {
    recipientDomainList =
        recipientDomainList == null ? List.of() : List.copyOf(recipientDomainList);
    services = services == null ? Set.of() : Set.copyOf(services);
    mtas = mtas == null ? Set.of() : Set.copyOf(mtas);
    mailHosts = mailHosts == null ? Set.of() : Set.copyOf(mailHosts);
    sessions = sessions == null ? SessionStats.NONE : sessions;
    sampleLines = sampleLines == null ? List.of() : List.copyOf(sampleLines);
    messages = messages == null ? MessageStats.NONE : messages;
  }

  @Override
  public String subject() {
    return clientIp;
  }
}
