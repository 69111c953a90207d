package io.relaywatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.kafka.testing.ChildProcessKafka;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessKafkaIT {
  @Test
  void shouldKeepAnAcknowledgedRecordWhenTheBrokerIsKilled(@TempDir Path dir) throws Exception {
    try (ChildProcessKafka kafka = new ChildProcessKafka(dir)) {
      long begin = System.nanoTime();
      kafka.start();
      RecordMetadata acked =
          TestClients.produce(kafka.bootstrapServers(), "it.kill", "mx1", "acknowledged");
      Measurements.print("child JVM launch to first ack", begin);

      kafka.kill();
      long restart = System.nanoTime();
      kafka.start();
      Measurements.print("child JVM restart after SIGKILL", restart);
      List<ConsumerRecord<String, String>> records =
          TestClients.consume(kafka.bootstrapServers(), "it.kill", 1);

      assertThat(records)
          .extracting(ConsumerRecord::offset, ConsumerRecord::value)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(acked.offset(), "acknowledged"));
    }
  }

  @Test
  void shouldKeepRecordsAcrossACleanStopAndRestart(@TempDir Path dir) throws Exception {
    try (ChildProcessKafka kafka = new ChildProcessKafka(dir).start()) {
      String before = kafka.bootstrapServers();
      TestClients.produce(before, "it.stop", "mx1", "before stop");

      kafka.restart();

      assertThat(kafka.bootstrapServers()).isEqualTo(before);
      assertThat(TestClients.consume(before, "it.stop", 1))
          .extracting(ConsumerRecord::value)
          .containsExactly("before stop");
    }
  }
}
