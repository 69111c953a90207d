package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds the lines of each Postfix message (key {@code host|queue id}) into its open message and
 * forwards the finished {@link MessageRecord}, keyed by client IP, when qmgr logs {@code removed}
 * or when the message has been quiet for the timeout of event time (the join's own clock: the store
 * holds each message at most that long after its last line). It sees every parsed event of its
 * raw-lines partition and keys the message lines by queue id itself. The fold is {@link
 * MessageJoin}, shared with {@code relaywatch diagnose}; this processor gives it a state store and
 * metrics.
 */
final class CorrelateMessages implements Processor<String, MailEvent, String, MessageRecord> {
  private final MessageConfig config;
  private final StreamsMetrics metrics;
  private MessageJoin join;

  private CorrelateMessages(MessageConfig config, StreamsMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /** The processor together with its store. */
  static ProcessorSupplier<String, MailEvent, String, MessageRecord> supplier(
      MessageConfig config, StreamsMetrics metrics) {
    return new WithStores<>(
        () -> new CorrelateMessages(config, metrics),
        Set.of(WithStores.foldStore(MessageCorrelation.STORE, StoreValueSerde.messages())));
  }

  @Override
  public void init(ProcessorContext<String, MessageRecord> context) {
    KeyValueStore<String, OpenMessage> store = context.getStateStore(MessageCorrelation.STORE);
    // The record time is the message's last line, so the alert's latency starts from the log.
    join =
        MessageJoin.inStore(
            config,
            store,
            (message, time) -> {
              metrics.recordMessage(message, config.internalNetworks());
              context.forward(new Record<>(MessageJoin.recordKey(message), message, time));
            });
  }

  @Override
  public void process(Record<String, MailEvent> record) {
    if (record.value() == null) {
      return;
    }
    // The record time is the event time (set by parse); the key is the client's, not the fold's.
    join.accept(record.value(), record.timestamp());
  }
}
