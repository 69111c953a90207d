package io.relaywatch.bench.soak;

import io.relaywatch.events.RelayDenialAggregate;
import io.relaywatch.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The end of the soak: waits, with deadlines, until the raw-lines topic holds every written line
 * and the relay-denial totals stop short of nothing, then runs the exactly-once and totals checks
 * against the files on disk and the writer's counts.
 */
final class SoakVerification {
  static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofSeconds(2);

  private final String bootstrap;
  private final List<ExactlyOnceCheck.Delivered> delivered = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  SoakVerification(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Raw lines: drained once at least {@code written} distinct line ids are in the topic. */
  ExactlyOnceCheck.Result rawLines(List<Path> files, long written) throws Exception {
    try (TopicTail<String, byte[]> tail = new TopicTail<>(bootstrap, Topics.RAW_LINES)) {
      Deadline.await(
          DRAIN_LIMIT,
          POLL,
          () -> tail.catchUp(this::acceptRaw, DRAIN_LIMIT) && ids.size() >= written);
      // Whatever else was committed meanwhile (a duplicate would be) is read too.
      tail.catchUp(this::acceptRaw, Duration.ofSeconds(30));
    }
    List<ExactlyOnceCheck.WrittenFile> writtenFiles = new ArrayList<>();
    for (Path file : files) {
      writtenFiles.add(read(file));
    }
    return ExactlyOnceCheck.check(writtenFiles, delivered);
  }

  private void acceptRaw(ConsumerRecord<String, byte[]> record) {
    Header id = record.headers().lastHeader("rw.id");
    String text = id == null ? "none:0" : new String(id.value(), StandardCharsets.US_ASCII);
    int colon = text.lastIndexOf(':');
    byte[] value = record.value();
    delivered.add(
        new ExactlyOnceCheck.Delivered(
            text.substring(0, colon),
            Long.parseLong(text.substring(colon + 1)),
            ExactlyOnceCheck.hash(value, 0, value.length)));
    ids.add(text);
  }

  /** Relay-denial totals per client in the 1-hour windows, awaited until they match. */
  RelayDenialCheck.Result relayDenials(Map<String, Long> expected) throws Exception {
    RelayDenialCheck check = new RelayDenialCheck(SoakFiles.VERIFIED_WINDOW);
    try (TopicTail<String, RelayDenialAggregate> tail =
        new TopicTail<>(bootstrap, Topics.RELAY_DENIALS)) {
      Deadline.await(
          DRAIN_LIMIT,
          POLL,
          () ->
              tail.catchUp(r -> check.accept(r.value()), DRAIN_LIMIT)
                  && check.compare(expected).passed());
    }
    return check.compare(expected);
  }

  /** Each line's start offset and hash; the last line may lack its newline. */
  static ExactlyOnceCheck.WrittenFile read(Path file) throws IOException {
    long[] offsets = new long[1024];
    long[] hashes = new long[1024];
    int n = 0;
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readAllBytes();
    }
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length ? i > start : bytes[i] == '\n') {
        if (n == offsets.length) {
          offsets = Arrays.copyOf(offsets, n * 2);
          hashes = Arrays.copyOf(hashes, n * 2);
        }
        offsets[n] = start;
        hashes[n++] = ExactlyOnceCheck.hash(bytes, start, i);
        start = i + 1;
      }
    }
    return new ExactlyOnceCheck.WrittenFile(
        file.getFileName().toString(), Arrays.copyOf(offsets, n), Arrays.copyOf(hashes, n));
  }
}
