package io.relaywatch.alerts.diagnose;

import io.relaywatch.alerts.engine.ClientEvidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.streams.parse.ParseResult;
import io.relaywatch.streams.report.DistinctCounter;
import io.relaywatch.streams.topology.MessageConfig;
import io.relaywatch.streams.topology.MessageJoin;
import io.relaywatch.streams.topology.SessionConfig;
import io.relaywatch.streams.topology.SessionJoin;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a mail log's parse results, in log order, into a {@link Diagnosis}: the offline counterpart
 * of the Streams topics the alert service reads. Relay denials and SASL failures are tallied per
 * client and per recipient domain, SASL backend errors per host, and Postfix smtpd lines are joined
 * into sessions by the topology's own {@link SessionJoin} and messages by its {@link MessageJoin},
 * so that {@code relaywatch diagnose} and the service see the same sessions and messages. Memory is
 * bounded by {@link DiagnoseLimits}. Not thread-safe; {@link #diagnosis()} ends the input.
 */
public final class LogEvidence {
  /** Shown for a SASL backend error whose line names no host. */
  static final String UNKNOWN_HOST = "unknown";

  private final Set<String> localDomains;
  private final InternalNetworks internal;
  private final DistinctCounter.Budget budget;
  private final BoundedTable<ClientTally> clients;
  private final BoundedTable<DomainTally> domains;
  private final BoundedTable<HostTally> hosts;
  private final SessionJoin sessions;
  private final MessageJoin messages;
  private long lines;
  private long events;
  private long unparsed;
  private boolean ended;

  public LogEvidence(VerdictConfig config) {
    this(config, SessionConfig.defaults());
  }

  public LogEvidence(VerdictConfig config, SessionConfig sessionConfig) {
    this(config, DiagnoseLimits.DEFAULTS, sessionConfig);
  }

  public LogEvidence(VerdictConfig config, DiagnoseLimits limits, SessionConfig sessionConfig) {
    this.localDomains = config.localDomains();
    this.internal = config.internal();
    this.budget = new DistinctCounter.Budget(limits.distinctBudget());
    int perSubject = limits.maxDistinctPerSubject();
    this.clients =
        new BoundedTable<>(limits.maxClients(), ip -> new ClientTally(ip, perSubject, budget));
    this.domains =
        new BoundedTable<>(limits.maxDomains(), d -> new DomainTally(d, perSubject, budget));
    this.hosts = new BoundedTable<>(limits.maxHosts(), HostTally::new);
    this.sessions =
        SessionJoin.inMemory(sessionConfig, limits.maxOpenSessions(), this::sessionClosed);
    MessageConfig messageConfig =
        new MessageConfig(
            MessageConfig.DEFAULT_TIMEOUT,
            MessageConfig.DEFAULT_SCAN_INTERVAL,
            List.copyOf(config.localDomains()),
            config.internal());
    this.messages =
        MessageJoin.inMemory(messageConfig, limits.maxOpenSessions(), this::messageClosed);
  }

  /** Takes one line's parse result, in log order. */
  public void add(ParseResult result) {
    if (result instanceof ParseResult.Parsed parsed) {
      addEvent(parsed.event());
    } else {
      lines++;
      if (result instanceof ParseResult.Unparsed) {
        unparsed++;
      }
    }
  }

  /** Takes one recognised line, in log order. */
  public void addEvent(MailEvent event) {
    if (ended) {
      throw new IllegalStateException("the diagnosis was already taken");
    }
    lines++;
    events++;
    sessions.accept(event);
    messages.accept(event);
    switch (event.type()) {
      case REJECT -> {
        if (event.isRelayDenial()) {
          addRelayDenial(event);
        }
      }
      case SASL_AUTH_FAILED -> {
        if (event.clientIp() != null) {
          clients.tally(event.clientIp()).addAuthFailure(event, SessionJoin.joins(event));
        }
      }
      case SASL_BACKEND_UNAVAILABLE ->
          hosts.tally(event.host() != null ? event.host() : UNKNOWN_HOST).add(event);
      default -> {
        // Logins and disconnects only matter through the sessions they close.
      }
    }
  }

  private void addRelayDenial(MailEvent event) {
    if (event.clientIp() != null) {
      clients.tally(event.clientIp()).addDenial(event, localDomains);
    }
    if (event.recipientDomain() != null && !event.recipientDomain().isEmpty()) {
      domains
          .tally(event.recipientDomain().toLowerCase(Locale.ROOT))
          .add(event, ip -> !internal.contains(ip));
    }
  }

  private void sessionClosed(SessionRecord session, long recordTime) {
    clients.tally(session.clientIp()).addSession(session);
  }

  /** Only a message accepted without AUTH for a foreign domain is evidence, as in the service. */
  private void messageClosed(MessageRecord message, long recordTime) {
    if (message.clientIp() != null && !message.authenticated() && message.leftForForeignDomain()) {
      clients.tally(message.clientIp()).addRelayedMessage(message);
    }
  }

  /**
   * Ends the input: sessions whose disconnect the log does not hold are closed as timed out, and
   * the evidence is returned. Further lines are refused.
   */
  public Diagnosis diagnosis() {
    if (!ended) {
      sessions.flush();
      messages.flush();
      ended = true;
    }
    List<ClientTally> troubled = clients.all().stream().filter(ClientTally::troubled).toList();
    List<ClientEvidence> clientEvidence = troubled.stream().map(ClientTally::toEvidence).toList();
    List<DomainTally> refusedDomains = domains.all();
    return new Diagnosis(
        clientEvidence,
        hosts.all().stream().map(HostTally::toEvidence).toList(),
        refusedDomains.stream().map(DomainTally::toEvidence).toList(),
        new Diagnosis.Lines(lines, events, unparsed),
        new Diagnosis.Coverage(
            clients.dropped(),
            clients.droppedEvents(),
            domains.dropped(),
            domains.droppedEvents(),
            hosts.dropped(),
            sessions.evicted(),
            troubled.stream().anyMatch(ClientTally::domainsSaturated)
                || refusedDomains.stream().anyMatch(DomainTally::clientsSaturated)));
  }
}
