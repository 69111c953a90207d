package io.relaywatch.ingest.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaywatch.ingest.tail.TailModel.Expected;
import io.relaywatch.ingest.tail.TailModel.ModelFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of write, partial write, rotate, copytruncate, torn line, oversize line, poll
 * and restart; everything polled must equal everything written, once each, in order.
 *
 * <p>An operation that would destroy a file the tailer cannot know about yet (rotating twice
 * between polls, for instance) is replaced by a poll: that loss is documented, not a bug.
 */
class FileTailerModelTest {
  /** Soak runs: {@code -Dtail.model.seeds=200 -Dtail.model.steps=2000}. */
  private static final int SEEDS = Integer.getInteger("tail.model.seeds", 10);

  private static final int STEPS = Integer.getInteger("tail.model.steps", 300);
  private static final int MAX_LINE = 120;
  private static final TailerOptions BASE =
      TailerOptions.defaults()
          .withMaxLineBytes(MAX_LINE)
          .withFingerprintBytes(64)
          .withMaxBytesPerPoll(2048)
          .withPartialLineTimeout(Duration.ofSeconds(5));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private final TailerOptions options = BASE.withClock(clock);
  private final TailModel model = new TailModel();
  private final Deque<String> history = new ArrayDeque<>();
  private Random random;
  private Path log;
  private Path rotated;
  private FileTailer tailer;
  private byte[] pendingTail;
  private int sequence;

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void shouldDeliverEveryWrittenLineOnceInOrder(long seed) throws Exception {
    random = new Random(seed);
    log = dir.resolve("mail.log");
    rotated = LogFiles.rotated(log);
    tailer = FileTailer.open(log, options);
    try {
      for (int step = 0; step < STEPS; step++) {
        step("seed " + seed + " step " + step);
      }
      drainToTheEnd("seed " + seed + " end");
    } finally {
      tailer.close();
    }
    assertThat(model.delivered)
        .as("seed %d: delivered of written", seed)
        .isEqualTo(model.expected.size());
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, SEEDS);
  }

  private void step(String context) throws Exception {
    int roll = random.nextInt(100);
    String op =
        roll < 28
            ? "write"
            : roll < 38
                ? "partial"
                : roll < 44
                    ? "oversize"
                    : roll < 52
                        ? "rotate"
                        : roll < 57
                            ? "copytruncate"
                            : roll < 60 ? "torn" : roll < 68 ? "restart" : "poll";
    record(op);
    String where = context + " " + op + ", last ops " + history;
    switch (op) {
      case "write" -> writeLines();
      case "partial" -> writePartial();
      case "oversize" -> writeOversize();
      case "rotate" -> rotate(where, false);
      case "copytruncate" -> copyTruncate(where);
      case "torn" -> rotate(where, true);
      case "restart" -> restart(where);
      default -> poll(where);
    }
  }

  private void writeLines() throws Exception {
    completePendingTail();
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      byte[] line = line(random.nextInt(MAX_LINE));
      append(line, "\n".getBytes(StandardCharsets.US_ASCII));
      model.expect(model.atPath, new Expected(line, false, false));
    }
  }

  private void writePartial() throws Exception {
    completePendingTail();
    byte[] line = line(random.nextInt(3 * MAX_LINE));
    int split = 1 + random.nextInt(line.length - 1);
    append(Arrays.copyOf(line, split));
    pendingTail = Arrays.copyOfRange(line, split, line.length + 1);
    pendingTail[pendingTail.length - 1] = '\n';
    model.expect(model.atPath, cutIfLong(line));
  }

  private void writeOversize() throws Exception {
    completePendingTail();
    byte[] line = line(MAX_LINE + 1 + random.nextInt(3 * MAX_LINE));
    append(line, "\n".getBytes(StandardCharsets.US_ASCII));
    model.expect(model.atPath, cutIfLong(line));
  }

  private void rotate(String where, boolean torn) throws Exception {
    completePendingTail();
    if (model.atPath == null || !model.rotatedMayGo() || !model.pathFileKnown()) {
      poll(where + " (instead)");
      return;
    }
    if (torn) {
      byte[] fragment = line(random.nextInt(MAX_LINE));
      append(fragment);
      model.expect(model.atPath, new Expected(fragment, false, true));
    }
    if (Files.exists(rotated) && random.nextBoolean()) {
      Files.move(rotated, dir.resolve("mail.log.2"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(log, rotated, StandardCopyOption.REPLACE_EXISTING);
    model.atRotated = model.atPath;
    model.atPath = null;
    if (random.nextInt(4) > 0) {
      Files.createFile(log);
      model.atPath = new ModelFile();
    }
  }

  private void copyTruncate(String where) throws Exception {
    completePendingTail();
    if (model.atPath == null || !model.rotatedMayGo() || !model.truncationVisible()) {
      poll(where + " (instead)");
      return;
    }
    LogFiles.copyTruncate(log);
    model.atRotated = model.atPath.copy();
    model.atPath.lines.clear();
    // a running tailer must see the truncation before the next one: what is written between two
    // truncations it has not noticed is lost (documented)
    model.held.remove(model.atPath);
  }

  private void restart(String where) throws Exception {
    if (!model.restartLosesNothing()) {
      poll(where + " (instead)");
      return;
    }
    byte[] saved = tailer.checkpoint().toBytes();
    tailer.close();
    tailer = FileTailer.resume(log, TailerCheckpoint.fromBytes(saved), options);
    model.restarted();
  }

  private void poll(String where) throws Exception {
    clock.advance(Duration.ofMillis(random.nextInt(3000)));
    model.polled();
    model.checkDelivered(tailer.poll(), where);
  }

  private void drainToTheEnd(String where) throws Exception {
    completePendingTail();
    for (int quiet = 0; quiet < 3; ) {
      clock.advance(Duration.ofSeconds(10));
      int before = model.delivered;
      model.polled();
      model.checkDelivered(tailer.poll(), where + ", last ops " + history);
      quiet = model.delivered == before ? quiet + 1 : 0;
    }
  }

  private void completePendingTail() throws Exception {
    if (pendingTail != null) {
      append(pendingTail);
      pendingTail = null;
    }
  }

  /** A line that starts unlike any other, as log lines with timestamps do, then random bytes. */
  private byte[] line(int length) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(("L" + sequence++ + ":").getBytes(StandardCharsets.US_ASCII));
    while (bytes.size() < length) {
      int b = random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(256);
      bytes.write(b == '\n' ? ' ' : b);
    }
    return bytes.toByteArray();
  }

  private static Expected cutIfLong(byte[] line) {
    return line.length > MAX_LINE
        ? new Expected(Arrays.copyOf(line, MAX_LINE), true, false)
        : new Expected(line, false, false);
  }

  private void append(byte[]... parts) throws Exception {
    if (model.atPath == null) {
      model.atPath = new ModelFile();
    }
    for (byte[] part : parts) {
      LogFiles.append(log, part);
    }
  }

  private void record(String op) {
    history.addLast(op);
    if (history.size() > 12) {
      history.removeFirst();
    }
  }
}
