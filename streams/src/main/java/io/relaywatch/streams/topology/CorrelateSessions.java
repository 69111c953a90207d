package io.relaywatch.streams.topology;

import io.relaywatch.events.EventType;
import io.relaywatch.events.JsonSerde;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Folds the lines of each smtpd process (key {@code host|program|pid}) into its open session and
 * forwards the finished {@link SessionRecord}, keyed by client IP, when the disconnect summary
 * arrives, when the process turns to another client, or when the session has been quiet for the
 * timeout (a stream-time punctuator, so replaying a backlog closes sessions as the log did).
 */
final class CorrelateSessions implements Processor<String, MailEvent, String, SessionRecord> {
  private final SessionConfig config;
  private ProcessorContext<String, SessionRecord> context;
  private KeyValueStore<String, OpenSession> open;

  private CorrelateSessions(SessionConfig config) {
    this.config = config;
  }

  /** The processor together with its store, so that wiring it needs no {@code addStateStore}. */
  static ProcessorSupplier<String, MailEvent, String, SessionRecord> supplier(
      SessionConfig config) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, MailEvent, String, SessionRecord> get() {
        return new CorrelateSessions(config);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SessionCorrelation.STORE),
                Serdes.String(),
                new JsonSerde<>(OpenSession.class)));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, SessionRecord> context) {
    this.context = context;
    this.open = context.getStateStore(SessionCorrelation.STORE);
    context.schedule(config.scanInterval(), PunctuationType.STREAM_TIME, this::closeQuiet);
  }

  @Override
  public void process(Record<String, MailEvent> record) {
    MailEvent event = record.value();
    if (record.key() == null || event == null) {
      return;
    }
    OpenSession session = open.get(record.key());
    if (session != null && !session.sameClient(event)) {
      // The process moved on to another client: the previous session's disconnect was lost.
      boolean quiet = record.timestamp() - session.lastSeenMillis() >= config.timeout().toMillis();
      emit(session.close(quiet ? SessionClose.TIMEOUT : SessionClose.SUPERSEDED, null), session);
      session = null;
    }
    if (session == null) {
      session = OpenSession.startedBy(event, record.timestamp());
    }
    session.add(event, record.timestamp());
    if (event.type() == EventType.SESSION_END) {
      emit(session.close(SessionClose.DISCONNECT, event.commands()), session);
      open.delete(record.key());
    } else {
      open.put(record.key(), session);
    }
  }

  private void closeQuiet(long streamTime) {
    long cutoff = streamTime - config.timeout().toMillis();
    List<KeyValue<String, OpenSession>> quiet = new ArrayList<>();
    try (KeyValueIterator<String, OpenSession> all = open.all()) {
      all.forEachRemaining(
          kv -> {
            if (kv.value.lastSeenMillis() <= cutoff) {
              quiet.add(kv);
            }
          });
    }
    for (KeyValue<String, OpenSession> kv : quiet) {
      emit(kv.value.close(SessionClose.TIMEOUT, null), kv.value);
      open.delete(kv.key);
    }
  }

  /** The record time is the session's last line, so downstream windows see it when it ended. */
  private void emit(SessionRecord record, OpenSession session) {
    context.forward(new Record<>(session.clientIp(), record, session.lastSeenMillis()));
  }
}
