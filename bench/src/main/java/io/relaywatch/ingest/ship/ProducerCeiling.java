package io.relaywatch.ingest.ship;

import io.relaywatch.config.Settings;
import io.relaywatch.ingest.source.SourceLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling of {@code relaywatch ship} on this machine: the shipper's own producer (its {@link
 * ShipSession#producerProperties settings}, transactions of {@code ship.batchBytes}) sending the
 * shipper's own records ({@link RawLineRecords}: key, value and headers as shipped) for lines that
 * are already in memory. Nothing is read, tailed or checkpointed, so no shipper built on the Java
 * producer with one line per record can be faster than this. In this package because those two
 * classes are the shipper's, not a copy of them.
 *
 * <p>Usage: {@code ProducerCeiling BOOTSTRAP TOPIC FILE}. Loads FILE (untimed), then prints one
 * line: the milliseconds from the first send to the last commit, and the lines sent.
 */
public final class ProducerCeiling {
  private ProducerCeiling() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ProducerCeiling BOOTSTRAP TOPIC FILE");
      System.exit(2);
    }
    Path file = Path.of(args[2]);
    ShipConfig config = config(args[0], args[1], file);
    List<SourceLine> lines = lines(file);
    RawLineRecords records = new RawLineRecords(config.topic(), config.host());
    Header source = records.sourceHeader("file:" + file);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            ShipSession.producerProperties(config),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.initTransactions();
      long start = System.nanoTime();
      long inTransaction = 0;
      producer.beginTransaction();
      for (SourceLine line : lines) {
        producer.send(records.line(source, line));
        inTransaction += line.bytes().length;
        if (inTransaction >= config.batchBytes()) {
          producer.commitTransaction();
          producer.beginTransaction();
          inTransaction = 0;
        }
      }
      producer.commitTransaction();
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(millis + " " + lines.size());
    }
  }

  private static ShipConfig config(String bootstrap, String topic, Path file) throws Exception {
    Path state = Files.createTempDirectory("producer-ceiling");
    Map<String, String> flags =
        Map.of(
            "kafka.bootstrapServers",
            bootstrap,
            "ship.files",
            file.toString(),
            "ship.stateDir",
            state.toString(),
            "ship.topic",
            topic,
            "ship.id",
            "ceiling-" + topic,
            "ship.metrics.port",
            "-1");
    return ShipConfig.from(Settings.load(null, System.getenv(), flags), System.getenv());
  }

  /** The file's lines with event ids of the shipper's form ({@code <file id>:<offset>}). */
  private static List<SourceLine> lines(Path file) throws Exception {
    byte[] all = Files.readAllBytes(file);
    List<SourceLine> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        byte[] line = java.util.Arrays.copyOfRange(all, start, i);
        byte[] id = ("0123456789abcdef:" + start).getBytes(StandardCharsets.US_ASCII);
        lines.add(new SourceLine(line, id, false));
        start = i + 1;
      }
    }
    return lines;
  }
}
