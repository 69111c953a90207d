package io.relaywatch.streams.report;

import io.relaywatch.events.EventType;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RejectReason;
import io.relaywatch.streams.parse.ParseResult;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates the parse results of a mail log into a {@link ReportSummary}: the offline answer to
 * "who is being refused, why and how often". Feed it every line's result in any order, then ask for
 * the summary. Memory stays bounded by {@link ReportLimits}. Not thread-safe.
 */
public final class MailLogReport {
  /** Shown in place of a missing client address. */
  static final String UNKNOWN_CLIENT = "unknown";

  private static final int MAX_SAMPLE_CHARS = 500;

  private final InternalNetworks internal;
  private final DistinctCounter.Budget domainBudget;

  private long totalLines;
  private long ignoredLines;
  private final Map<EventType, long[]> eventsByType = new EnumMap<>(EventType.class);
  private final CountTable unparsedByReason = new CountTable();

  private long refused;
  private long warnings;
  private final CountTable rejectsByReason = new CountTable();
  private final CountTable rejectsByCode = new CountTable();
  private final CountTable rejectsByService = new CountTable();

  private long relayDenials;
  private final ClientTable<RelayDenialTally> relayDenied;
  private long saslFailures;
  private final ClientTable<SaslFailureTally> saslFailed;

  private long backendErrors;
  private OffsetDateTime backendFirst;
  private OffsetDateTime backendLast;
  private String backendSample;

  public MailLogReport() {
    this(InternalNetworks.defaults(), ReportLimits.DEFAULTS);
  }

  public MailLogReport(InternalNetworks internal, ReportLimits limits) {
    this.internal = internal;
    this.domainBudget = new DistinctCounter.Budget(limits.domainBudget());
    this.relayDenied =
        new ClientTable<>(
            limits.maxClients(),
            ip -> new RelayDenialTally(ip, limits.maxDomainsPerClient(), domainBudget));
    this.saslFailed =
        new ClientTable<>(
            limits.maxClients(), ip -> new SaslFailureTally(ip, limits.maxUsernamesPerClient()));
  }

  /** Counts one line by what the parser made of it. */
  public void add(ParseResult result) {
    if (result instanceof ParseResult.Parsed parsed) {
      addEvent(parsed.event());
    } else if (result instanceof ParseResult.Unparsed unparsed) {
      addUnparsed(unparsed.reason());
    } else {
      addIgnored();
    }
  }

  /** Counts one line that was recognised as this event. */
  public void addEvent(MailEvent event) {
    totalLines++;
    eventsByType.computeIfAbsent(event.type(), t -> new long[1])[0]++;
    switch (event.type()) {
      case REJECT -> addReject(event);
      case SASL_AUTH_FAILED -> addSaslFailure(event);
      case SASL_BACKEND_UNAVAILABLE -> addBackendError(event);
      default -> {
        // Logins and session summaries only count towards eventsByType here.
      }
    }
  }

  /** Counts one line that looked relevant but was not recognised. */
  public void addUnparsed(String reason) {
    totalLines++;
    unparsedByReason.add(reason);
  }

  /** Counts one ordinary line. */
  public void addIgnored() {
    totalLines++;
    ignoredLines++;
  }

  private void addReject(MailEvent event) {
    if (!event.isRefusal()) {
      warnings++;
      return;
    }
    refused++;
    rejectsByReason.add(event.reason() == null ? "none" : event.reason().wireName());
    rejectsByCode.add(event.smtpCode() == null ? "none" : event.smtpCode().toString());
    rejectsByService.add(serviceOf(event));
    if (event.reason() == RejectReason.RELAY_DENIED) {
      relayDenials++;
      relayDenied.tally(clientOf(event)).add(event);
    }
  }

  private static String serviceOf(MailEvent event) {
    if (event.service() != null) {
      return event.service();
    }
    return event.mta() != null ? event.mta().wireName() : "unknown";
  }

  private static String clientOf(MailEvent event) {
    return event.clientIp() != null ? event.clientIp() : UNKNOWN_CLIENT;
  }

  private void addSaslFailure(MailEvent event) {
    saslFailures++;
    saslFailed.tally(clientOf(event)).add(event);
  }

  private void addBackendError(MailEvent event) {
    backendErrors++;
    OffsetDateTime at = event.timestamp();
    if (backendFirst == null || at.isBefore(backendFirst)) {
      backendFirst = at;
    }
    if (backendLast == null || at.isAfter(backendLast)) {
      backendLast = at;
    }
    if (backendSample == null) {
      String text = event.message() != null ? event.message() : event.raw();
      backendSample =
          text.length() > MAX_SAMPLE_CHARS ? text.substring(0, MAX_SAMPLE_CHARS) + "..." : text;
    }
  }

  /** The report so far, listing at most {@code top} clients per table. */
  public ReportSummary summary(int top) {
    if (top < 0) {
      throw new IllegalArgumentException("top must not be negative: " + top);
    }
    Map<String, Long> unparsed = unparsedByReason.sorted();
    long unparsedLines = unparsed.values().stream().mapToLong(Long::longValue).sum();
    return new ReportSummary(
        totalLines,
        totalLines - ignoredLines - unparsedLines,
        eventCounts(),
        ignoredLines,
        unparsedLines,
        unparsed,
        new ReportSummary.Rejects(
            refused,
            warnings,
            rejectsByReason.sorted(),
            rejectsByCode.sorted(),
            rejectsByService.sorted()),
        relayDenialSummary(top),
        saslFailureSummary(top),
        new ReportSummary.SaslBackendErrors(
            backendErrors, backendFirst, backendLast, backendSample));
  }

  private Map<String, Long> eventCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (EventType type : EventType.values()) {
      long[] count = eventsByType.get(type);
      counts.put(type.wireName(), count == null ? 0 : count[0]);
    }
    return counts;
  }

  private ReportSummary.RelayDenials relayDenialSummary(int top) {
    List<ReportSummary.RelayDeniedClient> clients =
        relayDenied.top(top).stream().map(t -> t.toSummary(internal)).toList();
    return new ReportSummary.RelayDenials(
        relayDenials,
        relayDenied.clients(),
        relayDenied.approximate(),
        relayDenied.droppedClients(),
        relayDenied.droppedEvents(),
        clients);
  }

  private ReportSummary.SaslFailures saslFailureSummary(int top) {
    List<ReportSummary.SaslFailedClient> clients =
        saslFailed.top(top).stream().map(t -> t.toSummary(internal)).toList();
    return new ReportSummary.SaslFailures(
        saslFailures,
        saslFailed.clients(),
        saslFailed.approximate(),
        saslFailed.droppedClients(),
        saslFailed.droppedEvents(),
        clients);
  }
}
