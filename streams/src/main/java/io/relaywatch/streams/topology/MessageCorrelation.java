package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Message correlation: one {@link MessageRecord} per message through a Postfix queue. Takes the
 * stream of parsed events and returns the records for the caller to write ({@code
 * Topics.MESSAGES}).
 *
 * <pre>
 * events -> correlate-messages (Postfix message lines, keyed host|queue id inside;
 *           store open-messages-by-host; event-time clock) -> messages keyed by IP
 * </pre>
 *
 * <p>Like sessions, the fold needs each message's lines in log order, which only the stream from
 * {@code relaywatch.raw-lines} (all lines of a host on one partition) has; it runs in that stream's
 * task, with no repartition.
 */
public final class MessageCorrelation {
  /**
   * The key-value store of open messages, keyed by {@code host|queue id}, on the partitions of
   * {@code relaywatch.raw-lines}. Not {@code open-messages}: that was the store of the older
   * repartition by queue id, whose changelog must not be restored into this one.
   */
  public static final String STORE = "open-messages-by-host";

  private MessageCorrelation() {}

  /** Messages keyed by client IP (or mail host), emitted when each closes. */
  public static KStream<String, MessageRecord> addTo(
      KStream<String, MailEvent> events, MessageConfig config, StreamsMetrics metrics) {
    return events.process(
        CorrelateMessages.supplier(config, metrics), Named.as("correlate-messages"));
  }
}
