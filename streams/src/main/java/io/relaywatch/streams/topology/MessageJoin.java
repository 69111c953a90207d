package io.relaywatch.streams.topology;

import io.relaywatch.events.EventType;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageClose;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.Mta;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Joins the lines of each Postfix message, by (host, queue id), into {@link MessageRecord}s: the
 * one implementation of message correlation. The Streams processor ({@link CorrelateMessages})
 * keeps open messages in its state store; {@code relaywatch diagnose} uses {@link #inMemory}. Both
 * feed it every event of the log in order and close quiet messages on the same event-time clocks,
 * one per mail host ({@link HostClocks}), so both reach the same messages.
 *
 * <p>A message closes when qmgr logs {@code removed} ({@code complete}), when it has been quiet for
 * {@link MessageConfig#timeout()} of stream time ({@code timeout}), or when its queue id is given
 * to another client's message first (the {@code removed} line was lost; also {@code timeout}). Not
 * thread-safe.
 */
public final class MessageJoin {
  /** Told about every message that closes. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param message the finished message
     * @param recordTime its last line's event time in epoch milliseconds
     */
    void closed(MessageRecord message, long recordTime);
  }

  private static final Set<EventType> MESSAGE_TYPES =
      Set.of(
          EventType.MESSAGE_RECEIVED,
          EventType.SASL_LOGIN,
          EventType.MESSAGE_QUEUED,
          EventType.MESSAGE_DELIVERY,
          EventType.MESSAGE_REMOVED);

  private final MessageConfig config;

  /** Open messages, keyed by {@code host|queue id}. */
  private final OpenItems<OpenMessage> open;

  private final Sink sink;

  private final HostClocks clocks;

  MessageJoin(MessageConfig config, OpenItems<OpenMessage> open, Sink sink) {
    this.config = config;
    this.open = open;
    this.sink = sink;
    this.clocks = new HostClocks(config.scanInterval());
  }

  /**
   * A join that keeps open messages in memory, for reading a log without Kafka. When more than
   * {@code maxOpen} messages are open at once, the quieter half is closed early as {@code timeout},
   * so that a log of forged queue ids cannot exhaust the heap.
   */
  public static MessageJoin inMemory(MessageConfig config, int maxOpen, Sink sink) {
    return new MessageJoin(
        config,
        new MemoryItems<OpenMessage>(maxOpen, OpenMessage::lastSeenMillis, timedOut(sink)),
        sink);
  }

  /**
   * A join that keeps open messages in a Streams state store, bounded like {@link #inMemory} by
   * {@link StateStoreItems#MAX_OPEN}.
   */
  static MessageJoin inStore(
      MessageConfig config, KeyValueStore<String, OpenMessage> store, Sink sink) {
    return new MessageJoin(
        config,
        new StateStoreItems<>(
            store, OpenMessage::lastSeenMillis, StateStoreItems.MAX_OPEN, timedOut(sink)),
        sink);
  }

  private static Consumer<OpenMessage> timedOut(Sink sink) {
    return message -> sink.closed(message.close(MessageClose.TIMEOUT), message.lastSeenMillis());
  }

  /**
   * Feeds one event of the log, in log order; every event moves stream time, and quiet messages are
   * closed on the same schedule as quiet sessions (see {@link SessionJoin#accept}).
   */
  public void accept(MailEvent event) {
    accept(event, clocks.recordTime(event));
  }

  /** Feeds one event of the log at its record time (the topology's, already its event time). */
  void accept(MailEvent event, long recordTime) {
    clocks.advance(event.host(), recordTime, this::closeQuiet);
    if (joins(event)) {
      process(messageKey(event), event, recordTime);
    }
  }

  /**
   * Closes every message still open, as {@code timeout}: at the end of a log nothing more comes.
   */
  public void flush() {
    for (Map.Entry<String, OpenMessage> kv : open.quietSince(Long.MAX_VALUE)) {
      close(kv.getKey(), kv.getValue(), MessageClose.TIMEOUT);
    }
  }

  /** Whether the event is a line of a Postfix message that the join folds in. */
  public static boolean joins(MailEvent event) {
    return event != null
        && event.mta() == Mta.POSTFIX
        && event.queueId() != null
        && !"NOQUEUE".equals(event.queueId())
        && MESSAGE_TYPES.contains(event.type());
  }

  /** A queue id names one message on one host while it is in the queue. */
  static String messageKey(MailEvent event) {
    return event.host() + "|" + event.queueId();
  }

  /** The key of a finished message: its client, or its host when no client line was seen. */
  static String recordKey(MessageRecord message) {
    return message.clientIp() != null ? message.clientIp() : String.valueOf(message.host());
  }

  /** Folds one line of the message {@code key} in, closing the message when it is removed. */
  void process(String key, MailEvent event, long recordTime) {
    OpenMessage message = open.get(key);
    if (message != null && isClientLine(event) && message.clientSeen()) {
      // Postfix reuses a queue id only after the message left: its removed line was lost.
      close(key, message, MessageClose.TIMEOUT);
      message = null;
    }
    if (message == null) {
      message = OpenMessage.startedBy(event, recordTime);
    }
    message.add(event, recordTime, config);
    if (event.type() == EventType.MESSAGE_REMOVED) {
      close(key, message, MessageClose.COMPLETE);
    } else {
      open.put(key, message);
    }
  }

  /** Closes the messages quiet for the timeout at {@code streamTime}. */
  void closeQuiet(String keyPrefix, long streamTime) {
    long cutoff = streamTime - config.timeout().toMillis();
    for (Map.Entry<String, OpenMessage> kv : open.quietSince(keyPrefix, cutoff)) {
      close(kv.getKey(), kv.getValue(), MessageClose.TIMEOUT);
    }
  }

  private static boolean isClientLine(MailEvent event) {
    return event.type() == EventType.MESSAGE_RECEIVED || event.type() == EventType.SASL_LOGIN;
  }

  private void close(String key, OpenMessage message, MessageClose closedBy) {
    open.delete(key);
    sink.closed(message.close(closedBy), message.lastSeenMillis());
  }
}
