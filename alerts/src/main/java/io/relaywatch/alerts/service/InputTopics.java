package io.relaywatch.alerts.service;

import io.relaywatch.alerts.evidence.EvidenceLedger;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.MessageRecord;
import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.SessionClose;
import io.relaywatch.events.SessionRecord;
import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streams topics the service reads, into the ledger. Every partition is assigned to this one
 * instance, since a recipient domain's evidence spans all clients; on start each partition is
 * re-read from the start of the evaluation window, which rebuilds the ledger, so committed offsets
 * (under the group id) only serve monitoring.
 */
final class InputTopics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InputTopics.class);
  static final List<Topic<String, ?>> TOPICS =
      List.of(Topics.RELAY_DENIALS, Topics.SESSIONS, Topics.MESSAGES, Topics.SASL_BACKEND_ERRORS);

  private final KafkaConsumer<String, byte[]> consumer;
  private final EvidenceLedger ledger;
  private final AlertMetrics metrics;
  private final Consumer<OffsetDateTime> promptEvidence;
  private final Map<TopicPartition, Long> endAtStart = new HashMap<>();
  private boolean caughtUp;
  private OffsetDateTime newestEvent;

  /**
   * @param promptEvidence told the event time of each record Streams writes as soon as its event is
   *     read (relay-denial updates, sessions ended by their disconnect, SASL backend errors), whose
   *     delay is the pipeline's
   */
  InputTopics(
      Map<String, Object> kafka,
      String groupId,
      EvidenceLedger ledger,
      AlertMetrics m,
      Consumer<OffsetDateTime> promptEvidence) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.ledger = ledger;
    this.metrics = m;
    this.promptEvidence = promptEvidence;
  }

  /** Assigns every partition and seeks to the first record at or after {@code from}. */
  void assignFrom(Instant from, Duration timeout) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic<String, ?> topic : TOPICS) {
      var infos = consumer.partitionsFor(topic.name(), timeout);
      if (infos.isEmpty()) {
        throw new IllegalStateException(
            "topic " + topic.name() + " does not exist; create it or set alerts.createTopics");
      }
      infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
    }
    consumer.assign(partitions);
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(tp -> times.put(tp, from.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, timeout);
    endAtStart.putAll(consumer.endOffsets(partitions, timeout));
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp at = offsets.get(tp);
      consumer.seek(tp, at == null ? endAtStart.get(tp) : at.offset());
    }
  }

  /**
   * Feeds what arrives within {@code timeout} to the ledger.
   *
   * @return how many records arrived
   */
  int poll(Duration timeout) {
    int n = 0;
    for (ConsumerRecord<String, byte[]> r : consumer.poll(timeout)) {
      n++;
      metrics.record(r.topic());
      try {
        feed(r);
      } catch (RuntimeException e) {
        metrics.rejected(r.topic());
        LOG.warn(
            "skipping undecodable record {}-{}@{}: {}",
            r.topic(),
            r.partition(),
            r.offset(),
            e.toString());
      }
    }
    return n;
  }

  private void feed(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      return;
    }
    String topic = r.topic();
    if (topic.equals(Topics.RELAY_DENIALS.name())) {
      RelayDenialAggregate a = decode(Topics.RELAY_DENIALS, r);
      if (ledger.add(a)) {
        seen(a.lastSeen());
      }
      promptEvidence.accept(a.lastSeen());
    } else if (topic.equals(Topics.SESSIONS.name())) {
      SessionRecord s = decode(Topics.SESSIONS, r);
      ledger.add(s);
      seen(s.end());
      if (s.closedBy() == SessionClose.DISCONNECT) {
        promptEvidence.accept(s.end()); // a timed-out session comes out its timeout after its end
      }
    } else if (topic.equals(Topics.MESSAGES.name())) {
      MessageRecord m = decode(Topics.MESSAGES, r);
      if (ledger.add(m)) {
        seen(m.lastSeen());
      }
    } else {
      MailEvent e = decode(Topics.SASL_BACKEND_ERRORS, r);
      ledger.addSaslBackendError(e);
      seen(e.timestamp());
      promptEvidence.accept(e.timestamp());
    }
  }

  private static <V> V decode(Topic<String, V> topic, ConsumerRecord<String, byte[]> r) {
    return topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
  }

  private void seen(OffsetDateTime time) {
    if (time != null && (newestEvent == null || time.isAfter(newestEvent))) {
      newestEvent = time;
    }
  }

  /** Whether every partition has been read up to where it ended when the service started. */
  boolean caughtUp() {
    if (!caughtUp) {
      caughtUp =
          endAtStart.entrySet().stream()
              .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
    return caughtUp;
  }

  /** The newest event time consumed, null before the first. */
  OffsetDateTime newestEvent() {
    return newestEvent;
  }

  void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
