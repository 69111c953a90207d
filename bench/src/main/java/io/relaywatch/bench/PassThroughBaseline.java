package io.relaywatch.bench;

import io.relaywatch.events.Topics;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The least a Streams application can do with the raw lines: copy each one, as bytes, to one output
 * topic, with the full topology's processing guarantee, commit interval, threads, client properties
 * and partition count. Its lines/s on the same input, in the same JVM and run, is the baseline the
 * full topology's lines/s is divided by: what the broker, the transactions and the Streams record
 * machinery cost on this machine before relaywatch does any work.
 */
final class PassThroughBaseline {
  static final String APPLICATION_ID = "streams-throughput-baseline";
  static final String OUTPUT = "bench.pass-through";
  private static final Duration DEADLINE = Duration.ofMinutes(15);

  private PassThroughBaseline() {}

  /** Raw lines in, the same bytes out: no deserialisation, no state, no repartition. */
  static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            Topics.RAW_LINES.name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw-lines"))
        .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("copy-line"));
    return builder.build();
  }

  /** The full topology's settings (from its config), with this application's id and state. */
  static Properties properties(StreamsAppConfig full, Path stateDir) {
    Properties p = new Properties();
    p.putAll(full.kafka());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, full.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, full.threads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, full.commitInterval().toMillis());
    return p;
  }

  /**
   * Runs the pass-through over everything in {@code relaywatch.raw-lines} and returns the seconds
   * from its start until its group has committed every raw line.
   */
  static double run(String bootstrap, StreamsAppConfig full, Path stateDir) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(java.util.List.of(new NewTopic(OUTPUT, full.partitions(), (short) 1)))
          .all()
          .get();
    }
    long start = System.nanoTime();
    try (KafkaStreams streams = new KafkaStreams(topology(), properties(full, stateDir));
        GroupProgress progress = new GroupProgress(bootstrap, APPLICATION_ID)) {
      streams.start();
      long done =
          progress.awaitCaughtUp(
              Topics.RAW_LINES.name(),
              0,
              DEADLINE,
              () -> streams.state() == KafkaStreams.State.ERROR);
      return (done - start) / 1e9;
    }
  }
}
