package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Message correlation: one {@link MessageRecord} per message through a Postfix queue. Takes the
 * stream of parsed events and returns the records for the caller to write ({@code
 * Topics.MESSAGES}).
 *
 * <pre>
 * events -> Postfix message lines -> key host|queue id -> messages-by-queue-id (repartition)
 *        -> correlate-messages (store open-messages; timeout punctuator) -> messages keyed by IP
 * </pre>
 *
 * <p>Like sessions, the fold needs each message's lines in log order, which only the stream from
 * {@code relaywatch.raw-lines} (all lines of a host on one partition) has.
 */
public final class MessageCorrelation {
  /** The key-value store of open messages, keyed by {@code host|queue id}. */
  public static final String STORE = "open-messages";

  /** The repartition by message (topic {@code <application.id>-messages-by-queue-id-...}). */
  public static final String REPARTITION = "messages-by-queue-id";

  private MessageCorrelation() {}

  /** Messages keyed by client IP (or mail host), emitted when each closes. */
  public static KStream<String, MessageRecord> addTo(
      KStream<String, MailEvent> events, MessageConfig config, StreamsMetrics metrics) {
    return events
        .filter((key, event) -> MessageJoin.joins(event), Named.as("message-lines"))
        .selectKey((key, event) -> MessageJoin.messageKey(event), Named.as("key-by-queue-id"))
        .repartition(
            Repartitioned.<String, MailEvent>as(REPARTITION)
                .withKeySerde(Serdes.String())
                .withValueSerde(new BinaryMailEventSerde()))
        .process(CorrelateMessages.supplier(config, metrics), Named.as("correlate-messages"));
  }
}
