package io.relaywatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.events.Topic;
import io.relaywatch.events.Topics;
import io.relaywatch.kafka.testing.KafkaFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test of Kafka's internal broker classes: a version bump that breaks them fails here.
 */
class EmbeddedKafkaIT {
  @Test
  void shouldDeliverAProducedRecordToAConsumer() throws Exception {
    long begin = System.nanoTime();
    String bootstrap = KafkaFixture.bootstrapServers();
    TestClients.produce(bootstrap, "it.round-trip", "mx1", "Relay access denied");
    Measurements.print("fixture (" + KafkaFixture.kind() + ") start to first ack", begin);

    List<ConsumerRecord<String, String>> records =
        TestClients.consume(bootstrap, "it.round-trip", 1);

    assertThat(records)
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("mx1", "Relay access denied"));
  }

  @Test
  void shouldKeepRecordsWhenRestartedOnTheSameDataDirectory(@TempDir Path dir) throws Exception {
    long begin = System.nanoTime();
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start()) {
      TestClients.produce(kafka.bootstrapServers(), "it.restart", "mx1", "before restart");
      Measurements.print("embedded start to first ack", begin);
    }
    long restart = System.nanoTime();
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start()) {
      Measurements.print("embedded restart on the same directory", restart);
      List<ConsumerRecord<String, String>> records =
          TestClients.consume(kafka.bootstrapServers(), "it.restart", 1);

      assertThat(records).extracting(ConsumerRecord::value).containsExactly("before restart");
    }
  }

  @Test
  void shouldShowReadCommittedConsumersOnlyCommittedTransactions() {
    String bootstrap = KafkaFixture.bootstrapServers();
    KafkaFixture.createTopicsNamed(List.of("it.transactions"), 1);
    Map<String, Object> transactional =
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-transactions");
    try (KafkaProducer<String, String> producer = TestClients.producer(bootstrap, transactional)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("it.transactions", "mx1", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("it.transactions", "mx1", "committed"));
      producer.commitTransaction();
    }

    List<ConsumerRecord<String, String>> records =
        TestClients.consume(bootstrap, "it.transactions", 1, "read_committed");

    assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed");
  }

  @Test
  void shouldCreateEveryCatalogueTopic() throws Exception {
    KafkaFixture.createCatalogueTopics(2);
    KafkaFixture.createCatalogueTopics(2);

    Set<String> names;
    try (Admin admin = Admin.create(KafkaFixture.clientProperties())) {
      names = admin.listTopics().names().get(TestClients.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    assertThat(names).containsAll(Topics.ALL.stream().map(Topic::name).toList());
  }
}
