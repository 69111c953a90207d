package io.relaywatch.bench;

import io.relaywatch.config.Settings;
import io.relaywatch.events.Json;
import io.relaywatch.events.TopicCreator;
import io.relaywatch.events.Topics;
import io.relaywatch.kafka.EmbeddedKafka;
import io.relaywatch.streams.app.StreamsApp;
import io.relaywatch.streams.app.StreamsAppConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The full Streams application against the embedded broker, both in this JVM: a generated {@code
 * mail.log} is produced into {@code relaywatch.raw-lines} first, then {@link StreamsApp} is started
 * and timed until its consumer group has committed every raw line, and then every record of every
 * topic it reads (repartition topics and read-back topics: the end of the whole topology). Then, on
 * the same raw lines in the same JVM, the {@link PassThroughBaseline}. Prints lines/s of both,
 * their ratio, peak heap and RSS (of the full topology) as a markdown table, and writes them as
 * JSON with {@code --json FILE}.
 *
 * <p>The log ends a minute before now. Its times become record timestamps, and the broker deletes
 * records whose timestamp is older than the topic's retention against its wall clock: a log dated
 * weeks back lost every raw line not yet consumed at the broker's first retention check (30 s after
 * start), which the consumer then skipped, so "caught up" no longer meant "processed". The run
 * fails if any raw line was deleted.
 *
 * <p>Usage: {@code StreamsThroughput [--lines N] [--seed S] [--threads T] [--partitions P]
 * [--config streams.yaml] [--json result.json]}; the YAML file may set {@code kafka.properties.*}
 * to try Streams settings.
 */
public final class StreamsThroughput {
  private static final String APPLICATION_ID = "streams-throughput";
  private static final Duration DEADLINE = Duration.ofMinutes(15);

  private StreamsThroughput() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path dir = Files.createTempDirectory("relaywatch-streams-bench");
    try {
      run(options, dir);
    } finally {
      deleteTree(dir); // a million-line run leaves gigabytes of broker and state-store files
    }
  }

  private static void run(Options options, Path dir) throws Exception {
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
      String bootstrap = kafka.bootstrapServers();
      createTopics(bootstrap, options.partitions());
      long produceStart = System.nanoTime();
      produce(bootstrap, options);
      double produceSeconds = seconds(System.nanoTime() - produceStart);
      StreamsAppConfig config = config(bootstrap, dir, options);
      StreamsResult full = runFull(bootstrap, config, options);
      System.err.printf(
          "restart: processing again after %.1f s (fold stores restored from their changelogs)%n",
          resumeSeconds(bootstrap, config));
      System.gc();
      // After the full topology, so any warm-up (JIT, page cache) favours the baseline.
      double baseline = PassThroughBaseline.run(bootstrap, config, dir.resolve("baseline"));
      StreamsResult result = full.withBaseline(baseline);
      System.err.printf(
          "produced %,d lines in %.1f s; raw-lines consumed after %.1f s, every input after %.1f"
              + " s; pass-through baseline after %.1f s%n",
          options.lines(), produceSeconds, full.rawLinesSeconds(), full.seconds(), baseline);
      result.print(System.out);
      if (options.json() != null) {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(options.json().toFile(), result);
      }
    }
  }

  /** Starts the full application and times it until every topic it reads is caught up. */
  private static StreamsResult runFull(String bootstrap, StreamsAppConfig config, Options options)
      throws Exception {
    System.gc();
    MemorySampler memory = MemorySampler.start();
    long start = System.nanoTime();
    CpuClock cpu = CpuClock.start();
    try (StreamsApp app = StreamsApp.start(config);
        GroupProgress progress = new GroupProgress(bootstrap, APPLICATION_ID)) {
      BooleanSupplier failed = () -> app.state() == KafkaStreams.State.ERROR;
      double parsed =
          seconds(progress.awaitCaughtUp(Topics.RAW_LINES.name(), 0, DEADLINE, failed) - start);
      double aggregated = seconds(progress.awaitAllCaughtUp(1, DEADLINE, failed) - start);
      memory.stop();
      System.err.printf(
          "cpu until every input: process %.1f s, stream threads %.1f s%n",
          cpu.processSeconds(), CpuClock.streamThreadSeconds());
      System.err.println("cpu by thread group:\n" + cpu.threadGroupsSince());
      System.err.print("end offsets by topic:\n" + progress.endOffsetsByTopic());
      progress.requireNothingDeleted(Topics.RAW_LINES.name());
      return new StreamsResult(
          options.lines(),
          options.threads(),
          options.partitions(),
          config.commitInterval().toMillis(),
          parsed,
          aggregated,
          0,
          memory.peakUsedMb(),
          memory.peakCommittedMb(),
          MemorySampler.peakRssMb());
    }
  }

  /**
   * The application started again on the same state directory, and one more raw line written: the
   * time until that line is committed is how long a restart holds processing back, most of it
   * restoring the in-memory fold stores (which have no local copy) from their changelogs.
   */
  private static double resumeSeconds(String bootstrap, StreamsAppConfig config) throws Exception {
    long start = System.nanoTime();
    try (StreamsApp app = StreamsApp.start(config);
        GroupProgress progress = new GroupProgress(bootstrap, APPLICATION_ID)) {
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
              new StringSerializer(),
              new ByteArraySerializer())) {
        byte[] line =
            new MailLogGenerator(1, Instant.now()).nextLine().getBytes(StandardCharsets.UTF_8);
        producer.send(
            new ProducerRecord<>(Topics.RAW_LINES.name(), MailLogGenerator.SERVER_HOST, line));
        producer.flush();
      }
      BooleanSupplier failed = () -> app.state() == KafkaStreams.State.ERROR;
      return seconds(progress.awaitCaughtUp(Topics.RAW_LINES.name(), 0, DEADLINE, failed) - start);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void createTopics(String bootstrap, int partitions) throws Exception {

    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicCreator.ensure(admin, StreamsApp.TOPICS, partitions, Duration.ofSeconds(30));
    }
  }

  /** As the shipper sends: key = mail host, time = when shipped, its producer settings. */
  private static void produce(String bootstrap, Options options) {
    Instant start = startEndingNow(options);
    MailLogGenerator generator = new MailLogGenerator(options.seed(), start);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    // Two days of log shipped as a backlog, one minute after its last line.
    long shipped = shippedTime(options, start);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < options.lines(); i++) {
        byte[] line = generator.nextLine().getBytes(StandardCharsets.UTF_8);
        producer.send(
            new ProducerRecord<>(
                Topics.RAW_LINES.name(), null, shipped, MailLogGenerator.SERVER_HOST, line));
      }
      producer.flush();
    }
  }

  /** The time the generator reaches after {@code lines} lines, plus a minute. */
  private static long shippedTime(Options options, Instant start) {
    return end(options, start).plusSeconds(60).toEpochMilli();
  }

  /** A start (whole seconds) such that the log is shipped a minute after its last line, now. */
  private static Instant startEndingNow(Options options) {
    Instant probeStart = MailLogGenerator.DEFAULT_START;
    Duration span = Duration.between(probeStart, end(options, probeStart));
    return Instant.now().minus(span).minusSeconds(61).truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant end(Options options, Instant start) {
    MailLogGenerator probe = new MailLogGenerator(options.seed(), start);
    for (long i = 0; i < options.lines(); i++) {
      probe.nextLine();
    }
    return probe.lastTimestamp();
  }

  private static StreamsAppConfig config(String bootstrap, Path dir, Options options) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("kafka.bootstrapServers", bootstrap);
    flags.put("streams.stateDir", dir.resolve("streams").toString());
    flags.put("streams.applicationId", APPLICATION_ID);
    flags.put("streams.http.port", "0");
    flags.put("streams.http.address", "127.0.0.1");
    flags.put("streams.zone", "UTC");
    flags.put("streams.threads", Integer.toString(options.threads()));
    flags.put("streams.partitions", Integer.toString(options.partitions()));
    return StreamsAppConfig.from(Settings.load(options.config(), Map.of(), flags), Map.of());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** The parsed command line. */
  record Options(long lines, long seed, int threads, int partitions, Path config, Path json) {
    static Options parse(String[] args) {
      long lines = 1_000_000;
      long seed = 1;
      int threads = 1;
      int partitions = 3;
      Path config = null;
      Path json = null;
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--lines" -> lines = Long.parseLong(args[i + 1]);
          case "--seed" -> seed = Long.parseLong(args[i + 1]);
          case "--threads" -> threads = Integer.parseInt(args[i + 1]);
          case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
          case "--config" -> config = Path.of(args[i + 1]);
          case "--json" -> json = Path.of(args[i + 1]);
          default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      return new Options(lines, seed, threads, partitions, config, json);
    }
  }
}
