package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One message through a Postfix queue, joined from its lines by (host, queue id): the smtpd {@code
 * client=} line, qmgr's {@code from=}, each delivery's {@code to=... status=}. The value of {@code
 * relaywatch.messages}; what tells an open relay (a stranger's message accepted for a foreign
 * domain) from a refused probe. Field meanings are in docs/events.md.
 *
 * @param clientIp the submitting client; null when the smtpd line was not seen (local pickup, or
 *     the line was lost)
 * @param recipientDomains distinct lower-cased recipient domains, first seen first, bounded
 * @param recipients distinct recipients with a delivery line
 * @param outcomes delivery lines by outcome (a deferred recipient may later be sent)
 * @param leftForForeignDomain whether a recipient domain is outside {@code localDomains}
 * @param sampleLines the first raw lines of the message, at most {@link #MAX_SAMPLE_LINES}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "host",
  "queueId",
  "clientIp",
  "clientHost",
  "authenticated",
  "saslUsername",
  "sender",
  "recipientDomains",
  "recipients",
  "outcome",
  "outcomes",
  "leftForForeignDomain",
  "firstSeen",
  "lastSeen",
  "closedBy",
  "sampleLines"
})
public record MessageRecord(
    String host,
    String queueId,
    String clientIp,
    String clientHost,
    boolean authenticated,
    String saslUsername,
    String sender,
    List<String> recipientDomains,
    int recipients,
    MessageOutcome outcome,
    Map<MessageOutcome, Integer> outcomes,
    boolean leftForForeignDomain,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    MessageClose closedBy,
    List<String> sampleLines) {
  /** At most this many raw lines are kept per message. */
  public static final int MAX_SAMPLE_LINES = 3;

  public MessageRecord {
    Objects.requireNonNull(queueId, "queueId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(closedBy, "closedBy");
    if (recipients < 0) {
      throw new IllegalArgumentException("recipients " + recipients);
    }
    recipientDomains = recipientDomains == null ? List.of() : List.copyOf(recipientDomains);
    // Sorted by outcome so that equal records serialise to equal bytes.
    outcomes = outcomes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(outcomes));
    sampleLines = sampleLines == null ? List.of() : List.copyOf(sampleLines);
    if (sampleLines.size() > MAX_SAMPLE_LINES) {
      sampleLines = sampleLines.subList(0, MAX_SAMPLE_LINES);
    }
  }
}
