package io.relaywatch.streams.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.RelayDenialAggregate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The running totals of one client's relay denials in one window: the value of the window stores
 * ({@link StoreValueSerde#accumulators()}), turned into a {@link RelayDenialAggregate} for the
 * output topic and for queries. Mutable, because the aggregator updates the copy it has just read
 * from the store.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public final class RelayDenialAccumulator {
  static final int SAMPLE_LINES = 3;

  private long count;
  private DistinctCount recipientDomains = new DistinctCount();
  private List<String> recipientDomainList = new ArrayList<>();
  private DistinctCount senders = new DistinctCount();
  private long localSenders;
  private long foreignSenders;
  private List<String> services = new ArrayList<>();
  private List<Integer> smtpCodes = new ArrayList<>();
  private List<String> mailHosts = new ArrayList<>();
  private OffsetDateTime firstSeen;
  private OffsetDateTime lastSeen;
  private List<String> sampleLines = new ArrayList<>();

  /** Counts one relay denial. */
  RelayDenialAccumulator add(MailEvent event, AggregationConfig config) {
    count++;
    String domain = event.recipientDomain();
    if (domain != null && !domain.isEmpty()) {
      recipientDomains.add(domain, config.distinctCap());
      addBounded(recipientDomainList, domain, config.listLimit());
    }
    addSender(event.sender(), config);
    addBounded(services, event.service(), config.listLimit());
    addBounded(smtpCodes, event.smtpCode(), config.listLimit());
    addBounded(mailHosts, event.host(), config.listLimit());
    seen(event.timestamp());
    if (sampleLines.size() < SAMPLE_LINES) {
      sampleLines.add(event.raw());
    }
    return this;
  }

  // The null sender <> is logged as "" and, like a missing sender, is neither local nor foreign.
  private void addSender(String sender, AggregationConfig config) {
    if (sender == null || sender.isEmpty()) {
      return;
    }
    senders.add(sender, config.distinctCap());
    int at = sender.lastIndexOf('@');
    String domain = at < 0 ? "" : sender.substring(at + 1).toLowerCase(Locale.ROOT);
    if (config.isLocal(domain)) {
      localSenders++;
    } else {
      foreignSenders++;
    }
  }

  // Late records arrive out of order, so first and last are kept by time, not by arrival.
  private void seen(OffsetDateTime time) {
    if (firstSeen == null || time.isBefore(firstSeen)) {
      firstSeen = time;
    }
    if (lastSeen == null || time.isAfter(lastSeen)) {
      lastSeen = time;
    }
  }

  private static <T> void addBounded(List<T> list, T value, int limit) {
    if (value != null && list.size() < limit && !list.contains(value)) {
      list.add(value);
    }
  }

  /**
   * Writes the totals for {@link StoreValueSerde#accumulators()}, every field in declaration order.
   */
  void writeTo(WireWriter out) {
    out.writeLong(count);
    recipientDomains.writeTo(out);
    out.writeStrings(recipientDomainList);
    senders.writeTo(out);
    out.writeLong(localSenders).writeLong(foreignSenders).writeStrings(services);
    out.writeInt(smtpCodes.size());
    smtpCodes.forEach(out::writeNullableInt);
    out.writeStrings(mailHosts).writeTime(firstSeen).writeTime(lastSeen).writeStrings(sampleLines);
  }

  /** Reads what {@link #writeTo} wrote. */
  static RelayDenialAccumulator readFrom(WireReader in) {
    RelayDenialAccumulator a = new RelayDenialAccumulator();
    a.count = in.readLong();
    a.recipientDomains = DistinctCount.readFrom(in);
    a.recipientDomainList = in.readStrings();
    a.senders = DistinctCount.readFrom(in);
    a.localSenders = in.readLong();
    a.foreignSenders = in.readLong();
    a.services = in.readStrings();
    int codes = in.readInt();
    for (int i = 0; i < codes; i++) {
      a.smtpCodes.add(in.readNullableInt());
    }
    a.mailHosts = in.readStrings();
    a.firstSeen = in.readTime();
    a.lastSeen = in.readTime();
    a.sampleLines = in.readStrings();
    return a;
  }

  /** The totals as they go on the wire, for one client and window. */
  public RelayDenialAggregate toAggregate(String clientIp, Instant windowStart, Duration size) {
    return new RelayDenialAggregate(
        clientIp,
        windowStart,
        windowStart.plus(size),
        size.toString(),
        count,
        recipientDomains.count(),
        recipientDomains.exact(),
        recipientDomainList,
        senders.count(),
        senders.exact(),
        localSenders,
        foreignSenders,
        services,
        smtpCodes,
        mailHosts,
        firstSeen,
        lastSeen,
        sampleLines);
  }
}
