package io.relaywatch.streams.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageOutcome;
import io.relaywatch.events.MessageRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message still in the queue as far as the {@code open-messages-by-host} store knows: what its
 * lines have said so far. Kept in binary ({@link #writeTo}); older versions kept JSON, which is
 * still read, so its fields are also a format. Every list is bounded, because recipients and their
 * domains are chosen by whoever sends the message.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
final class OpenMessage {
  /** Distinct recipient domains listed per message. */
  static final int MAX_DOMAINS = 20;

  /** Recipients whose latest status is kept; further delivery lines count only by outcome. */
  static final int MAX_TRACKED_RECIPIENTS = 100;

  private String host;
  private String queueId;
  private String clientIp;
  private String clientHost;
  private boolean clientSeen;
  private boolean authenticated;
  private String saslUsername;
  private String sender;
  private List<String> recipientDomains = new ArrayList<>();
  private Map<String, MessageOutcome> latestByRecipient = new LinkedHashMap<>();
  private int untrackedRecipients;
  private Set<MessageOutcome> untrackedOutcomes = EnumSet.noneOf(MessageOutcome.class);
  private Map<MessageOutcome, Integer> outcomes = new EnumMap<>(MessageOutcome.class);
  private boolean foreign;
  private OffsetDateTime first;
  private OffsetDateTime last;
  private long lastSeenMillis;
  private List<String> sampleLines = new ArrayList<>();

  /** For the JSON reader. */
  private OpenMessage() {}

  static OpenMessage startedBy(MailEvent event, long recordTime) {
    OpenMessage m = new OpenMessage();
    m.host = event.host();
    m.queueId = event.queueId();
    m.first = event.timestamp();
    m.lastSeenMillis = recordTime;
    return m;
  }

  long lastSeenMillis() {
    return lastSeenMillis;
  }

  /** Whether a {@code client=} line was already folded in (a second one means a reused id). */
  boolean clientSeen() {
    return clientSeen;
  }

  /** Writes the message for the store ({@link StoreValueSerde}). */
  void writeTo(WireWriter out) {
    out.writeString(host).writeString(queueId).writeString(clientIp).writeString(clientHost);
    out.writeByte(clientSeen ? 1 : 0).writeByte(authenticated ? 1 : 0).writeString(saslUsername);
    out.writeString(sender).writeStrings(recipientDomains).writeInt(latestByRecipient.size());
    latestByRecipient.forEach(
        (recipient, outcome) -> out.writeString(recipient).writeEnum(outcome));
    out.writeInt(untrackedRecipients).writeInt(untrackedOutcomes.size());
    untrackedOutcomes.forEach(out::writeEnum);
    out.writeInt(outcomes.size());
    outcomes.forEach((outcome, count) -> out.writeEnum(outcome).writeInt(count));
    out.writeByte(foreign ? 1 : 0).writeTime(first).writeTime(last).writeLong(lastSeenMillis);
    out.writeStrings(sampleLines);
  }

  /** Reads what {@link #writeTo} wrote. */
  static OpenMessage readFrom(WireReader in) {
    OpenMessage m = new OpenMessage();
    m.host = in.readString();
    m.queueId = in.readString();
    m.clientIp = in.readString();
    m.clientHost = in.readString();
    m.clientSeen = in.readByte() != 0;
    m.authenticated = in.readByte() != 0;
    m.saslUsername = in.readString();
    m.sender = in.readString();
    m.recipientDomains = in.readStrings();
    int tracked = in.readInt();
    for (int i = 0; i < tracked; i++) {
      m.latestByRecipient.put(in.readString(), in.readEnum(MessageOutcome.class));
    }
    m.untrackedRecipients = in.readInt();
    int untracked = in.readInt();
    for (int i = 0; i < untracked; i++) {
      m.untrackedOutcomes.add(in.readEnum(MessageOutcome.class));
    }
    int kinds = in.readInt();
    for (int i = 0; i < kinds; i++) {
      m.outcomes.put(in.readEnum(MessageOutcome.class), in.readInt());
    }
    m.foreign = in.readByte() != 0;
    m.first = in.readTime();
    m.last = in.readTime();
    m.lastSeenMillis = in.readLong();
    m.sampleLines = in.readStrings();
    return m;
  }

  void add(MailEvent event, long recordTime, MessageConfig config) {
    last = event.timestamp();
    lastSeenMillis = Math.max(lastSeenMillis, recordTime);
    if (sampleLines.size() < MessageRecord.MAX_SAMPLE_LINES && event.raw() != null) {
      sampleLines.add(event.raw());
    }
    switch (event.type()) {
      case MESSAGE_RECEIVED, SASL_LOGIN -> client(event);
      case MESSAGE_QUEUED -> sender = event.sender();
      case MESSAGE_DELIVERY -> delivery(event, config);
      default -> {}
    }
  }

  private void client(MailEvent event) {
    clientSeen = true;
    clientIp = event.clientIp();
    clientHost = event.clientHost();
    authenticated = event.type() == EventType.SASL_LOGIN;
    saslUsername = authenticated ? event.saslUsername() : null;
  }

  private void delivery(MailEvent event, MessageConfig config) {
    MessageOutcome outcome = MessageOutcome.ofStatus(event.message());
    outcomes.merge(outcome, 1, Integer::sum);
    String domain = event.recipientDomain();
    if (domain != null
        && !recipientDomains.contains(domain)
        && recipientDomains.size() < MAX_DOMAINS) {
      recipientDomains.add(domain);
    }
    foreign |= config.isForeign(domain);
    String recipient = event.recipient() == null ? "" : event.recipient();
    if (latestByRecipient.containsKey(recipient)
        || latestByRecipient.size() < MAX_TRACKED_RECIPIENTS) {
      latestByRecipient.put(recipient, outcome);
    } else {
      untrackedRecipients++;
      untrackedOutcomes.add(outcome);
    }
  }

  MessageRecord close(MessageClose closedBy) {
    return new MessageRecord(
        host,
        queueId,
        clientIp,
        clientHost,
        authenticated,
        saslUsername,
        sender,
        recipientDomains,
        latestByRecipient.size() + untrackedRecipients,
        outcome(),
        outcomes,
        foreign,
        first,
        last == null ? first : last,
        closedBy,
        sampleLines);
  }

  /** The worst of each recipient's latest status: one bounce makes the message bounced. */
  private MessageOutcome outcome() {
    Set<MessageOutcome> latest = EnumSet.noneOf(MessageOutcome.class);
    latest.addAll(untrackedOutcomes);
    latest.addAll(latestByRecipient.values());
    for (MessageOutcome o :
        List.of(MessageOutcome.BOUNCED, MessageOutcome.DEFERRED, MessageOutcome.SENT)) {
      if (latest.contains(o)) {
        return o;
      }
    }
    return MessageOutcome.UNKNOWN;
  }
}
