package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.MessageStats;
import io.relaywatch.alerts.engine.SessionStats;
import io.relaywatch.events.AuthOutcome;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.Mta;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.streams.report.DistinctCounter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a log says about one client IP: its relay denials, its SASL failures and its joined
 * sessions. Only a client with trouble (a denial or a failed AUTH) becomes evidence; the sessions
 * of other clients are counted so that a later denial is seen against all of the client's sessions.
 */
final class ClientTally implements BoundedTable.Tally {
  static final int MAX_DOMAIN_LIST = 10;
  static final int MAX_NAMES = 8;
  static final int MAX_USERNAMES = 10;
  static final int MAX_NAME_CHARS = 100;
  static final int MAX_LINE_CHARS = 2_000;

  /** Trouble outweighs any number of clean sessions when the table must drop clients. */
  private static final long TROUBLE_WEIGHT = 1_000_000;

  private final String clientIp;
  private final DistinctCounter domains;
  private final FirstValues domainList = FirstValues.distinct(MAX_DOMAIN_LIST, MAX_NAME_CHARS);
  private final FirstValues services = FirstValues.distinct(MAX_NAMES, MAX_NAME_CHARS);
  private final FirstValues hosts = FirstValues.distinct(MAX_NAMES, MAX_NAME_CHARS);
  private final FirstValues usernames = FirstValues.distinct(MAX_USERNAMES, MAX_NAME_CHARS);
  private final FirstValues lines =
      FirstValues.first(io.relaywatch.events.Finding.MAX_EVIDENCE, MAX_LINE_CHARS);
  private final Set<Mta> mtas = EnumSet.noneOf(Mta.class);
  // Where the AUTH failures were logged: shown when the client was never refused relay.
  private final FirstValues failureServices = FirstValues.distinct(MAX_NAMES, MAX_NAME_CHARS);
  private final FirstValues failureHosts = FirstValues.distinct(MAX_NAMES, MAX_NAME_CHARS);
  private final Set<Mta> failureMtas = EnumSet.noneOf(Mta.class);
  // Messages accepted from it without AUTH for a foreign domain (queue ids are log text).
  private final FirstValues queueIds =
      FirstValues.distinct(MessageStats.MAX_QUEUE_IDS, MAX_NAME_CHARS);
  private final FirstValues relayDomains =
      FirstValues.distinct(MessageStats.MAX_DOMAINS, MAX_NAME_CHARS);
  private final FirstValues relayHosts = FirstValues.distinct(MAX_NAMES, MAX_NAME_CHARS);
  private final FirstValues relayLines =
      FirstValues.first(io.relaywatch.events.Finding.MAX_EVIDENCE, MAX_LINE_CHARS);
  private long relayedMessages;
  private long relayDenials;
  private long localSenders;
  private long foreignSenders;
  private long failureLines;
  private long sessions;
  private long deniedNeverTriedAuth;
  private long deniedAfterAuthFailure;
  private long deniedAuthenticated;
  private long authAttempts;
  private long authFailures;
  private final TimeSpan seen = new TimeSpan();

  ClientTally(String clientIp, int maxDomains, DistinctCounter.Budget budget) {
    this.clientIp = clientIp;
    this.domains = new DistinctCounter(maxDomains, budget);
  }

  /** A real relay refusal of this client. */
  void addDenial(MailEvent event, Set<String> localDomains) {
    relayDenials++;
    seen(event);
    if (event.recipientDomain() != null) {
      String domain = event.recipientDomain().toLowerCase(Locale.ROOT);
      domains.add(domain);
      domainList.add(domain);
    }
    String senderDomain = domainOf(event.sender());
    if (senderDomain != null && localDomains.contains(senderDomain)) {
      localSenders++;
    } else {
      foreignSenders++;
    }
    services.add(event.service());
    hosts.add(event.host());
    if (event.mta() != null) {
      mtas.add(event.mta());
    }
  }

  /**
   * A failed AUTH line. Lines of Postfix smtpd sessions are counted through their session, which
   * also sees failures that only the disconnect counters show; other MTAs' lines (Exim has no
   * session join) are counted here as attempts of their own.
   */
  void addAuthFailure(MailEvent event, boolean countedBySession) {
    failureLines++;
    seen(event);
    failureServices.add(event.service());
    failureHosts.add(event.host());
    if (event.mta() != null) {
      failureMtas.add(event.mta());
    }
    if (!countedBySession) {
      authAttempts++;
      authFailures++;
      usernames.add(event.saslUsername());
    }
  }

  /** A message accepted from this client without AUTH for a foreign recipient domain. */
  void addRelayedMessage(MessageRecord message) {
    relayedMessages++;
    queueIds.add(message.queueId());
    message.recipientDomains().forEach(relayDomains::add);
    relayHosts.add(message.host());
    message.sampleLines().forEach(relayLines::add);
    seen.widen(message.firstSeen());
    seen.widen(message.lastSeen());
  }

  /** A session of this client, closed. */
  void addSession(SessionRecord session) {
    sessions++;
    authAttempts += session.authAttempts();
    authFailures += session.authFailures();
    session.failedUsernames().forEach(usernames::add);
    if (session.relayDenied()) {
      switch (session.authOutcome()) {
        case NEVER_TRIED -> deniedNeverTriedAuth++;
        case FAILED -> deniedAfterAuthFailure++;
        case SUCCEEDED -> deniedAuthenticated++;
      }
    }
    if (session.authFailures() > 0 && session.authOutcome() != AuthOutcome.SUCCEEDED) {
      // Counters may show a failure no line reported; the session's times stand for it.
      seen.widen(session.start());
      seen.widen(session.end());
    }
  }

  private void seen(MailEvent event) {
    seen.widen(event.timestamp());
    lines.add(event.raw());
  }

  /** Whether the log shows this client in trouble: refused relay or failing AUTH. */
  boolean troubled() {
    return relayDenials > 0 || authFailures > 0 || failureLines > 0 || relayedMessages > 0;
  }

  /**
   * The evidence. Services, MTAs and hosts are those of the relay denials; a client never refused
   * relay gets those of its AUTH failures instead, so that a fix can still name the port and MTA.
   */
  ClientEvidence toEvidence() {
    boolean denied = relayDenials > 0;
    return new ClientEvidence(
        clientIp,
        relayDenials,
        domains.count(),
        domainList.values(),
        localSenders,
        foreignSenders,
        new HashSet<>((denied ? services : failureServices).values()),
        denied ? mtas : failureMtas,
        new HashSet<>((denied ? hosts : failureHosts).values()),
        new SessionStats(
            sessions,
            deniedNeverTriedAuth,
            deniedAfterAuthFailure,
            deniedAuthenticated,
            authAttempts,
            authFailures,
            usernames.values()),
        seen.first(),
        seen.last(),
        lines.values(),
        new MessageStats(
            relayedMessages,
            queueIds.values(),
            relayDomains.values(),
            relayHosts.values(),
            relayLines.values()));
  }

  /** Whether more recipient domains were seen than could be counted. */
  boolean domainsSaturated() {
    return domains.saturated();
  }

  static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    if (at < 0 || at == address.length() - 1) {
      return null;
    }
    return address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String subject() {
    return clientIp;
  }

  @Override
  public long weight() {
    long trouble = relayDenials + failureLines + authFailures;
    return trouble * TROUBLE_WEIGHT + Math.min(sessions, TROUBLE_WEIGHT - 1);
  }

  @Override
  public long events() {
    return relayDenials + failureLines;
  }

  @Override
  public void release() {
    domains.release();
  }
}
