package io.relaywatch.streams.topology;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.SessionRecord;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds the lines of each smtpd process (key {@code host|program|pid}) into its open session and
 * forwards the finished {@link SessionRecord}, keyed by client IP, when the disconnect summary
 * arrives, when the process turns to another client, or when the session has been quiet for the
 * timeout of event time (the join's own clock, not a punctuator: this task's stream time is when
 * lines were shipped, so replaying a backlog closes sessions as the log did). It sees every parsed
 * event of its raw-lines partition, keyed by client, and keys the session lines by process itself.
 * The fold is {@link SessionJoin}, shared with {@code relaywatch diagnose}; this processor only
 * gives it a state store.
 */
final class CorrelateSessions implements Processor<String, MailEvent, String, SessionRecord> {
  private final SessionConfig config;
  private final StreamsMetrics metrics;
  private SessionJoin join;

  private CorrelateSessions(SessionConfig config, StreamsMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /** The processor together with its store. */
  static ProcessorSupplier<String, MailEvent, String, SessionRecord> supplier(
      SessionConfig config, StreamsMetrics metrics) {
    return new WithStores<>(
        () -> new CorrelateSessions(config, metrics),
        Set.of(WithStores.foldStore(SessionCorrelation.STORE, StoreValueSerde.sessions())));
  }

  @Override
  public void init(ProcessorContext<String, SessionRecord> context) {
    KeyValueStore<String, OpenSession> store = context.getStateStore(SessionCorrelation.STORE);
    // The record time is the session's last line, so downstream windows see it when it ended.
    join =
        SessionJoin.inStore(
            config,
            store,
            (session, time) -> {
              metrics.recordSession(session);
              context.forward(new Record<>(session.clientIp(), session, time));
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
