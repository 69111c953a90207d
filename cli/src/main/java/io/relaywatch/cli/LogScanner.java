package io.relaywatch.cli;

import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.ParseResult;
import io.relaywatch.streams.parse.UnparsedReasons;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Reads every line of the inputs in order and hands what the parser made of it to a consumer. */
final class LogScanner {
  /** How often, in lines, progress is reported and output errors are checked. */
  static final int CHECK_EVERY_LINES = 4096;

  /** Told how many stored bytes were read so far over all inputs; returns false to stop. */
  interface Progress {
    boolean update(long bytesRead);
  }

  private final List<LogInput> inputs;
  private final LineParser parser;
  private final Supplier<Instant> reference;
  private final int workers;

  /**
   * @param reference the reference time for all inputs, or a supplier of null to use each file's
   *     modification time (standard input: now)
   */
  LogScanner(List<LogInput> inputs, LineParser parser, Supplier<Instant> reference) {
    this(inputs, parser, reference, Runtime.getRuntime().availableProcessors());
  }

  /** A scanner parsing on {@code workers} threads. */
  LogScanner(List<LogInput> inputs, LineParser parser, Supplier<Instant> reference, int workers) {
    this.inputs = inputs;
    this.parser = parser;
    this.reference = reference;
    this.workers = Math.max(1, workers);
  }

  /** Total stored size of the inputs that have one (not standard input). */
  long knownSize() {
    return inputs.stream().mapToLong(LogInput::size).sum();
  }

  /** Whether standard input is among the inputs, whose size is unknown. */
  boolean readsStdin() {
    return inputs.stream().anyMatch(LogInput::isStdin);
  }

  /**
   * Scans the inputs. The consumer and progress are called on this thread, in line order.
   *
   * @return false when progress asked to stop
   */
  boolean scan(Consumer<ParseResult> consumer, Progress progress) throws InputException {
    ExecutorService pool = Executors.newFixedThreadPool(workers, LogScanner::daemon);
    try {
      long before = 0;
      for (LogInput input : inputs) {
        if (!scan(input, new Delivery(consumer, progress, before), pool)) {
          return false;
        }
        before += input.bytesRead();
      }
      return progress.update(before);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads blocks of lines on this thread while the pool parses earlier blocks: parsing is most of
   * the work, and on two free cores a 1M-line report took about a quarter less wall time this way.
   * Results are handed on in block order, so the consumer sees exactly what a line-by-line scan
   * would have shown it.
   */
  private boolean scan(LogInput input, Delivery delivery, ExecutorService pool)
      throws InputException {
    Instant at = referenceFor(input);
    Deque<Block> pending = new ArrayDeque<>();
    try {
      try (InputStream in = input.open()) {
        LineBlocks blocks = new LineBlocks(in);
        for (byte[] next = blocks.next(); next != null; next = blocks.next()) {
          byte[] bytes = next;
          pending.add(new Block(pool.submit(() -> parseBlock(bytes, at)), input.bytesRead()));
          if (pending.size() > 2 * workers && !delivery.deliver(pending.remove())) {
            return false;
          }
        }
      } catch (IOException e) {
        // What was read before the error is shown, as a line-by-line scan would have shown it.
        while (!pending.isEmpty()) {
          delivery.deliver(pending.remove());
        }
        throw InputException.of(input.name(), e);
      }
      while (!pending.isEmpty()) {
        if (!delivery.deliver(pending.remove())) {
          return false;
        }
      }
      return true;
    } finally {
      pending.forEach(block -> block.results().cancel(true));
    }
  }

  private List<ParseResult> parseBlock(byte[] bytes, Instant at) {
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
    List<ParseResult> results = new ArrayList<>(bytes.length / 64);
    try {
      while (reader.advance()) {
        results.add(parseLine(reader, at));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the bytes are in memory
    }
    return results;
  }

  private ParseResult parseLine(LineReader reader, Instant at) throws IOException {
    if (reader.truncated()) {
      return tooLong(reader.text());
    }
    // Most lines fail the parser's keyword test; looking at the bytes first spares decoding them.
    if (parser.ignoresUndecoded(reader.bytes(), 0, reader.byteLength())) {
      return ParseResult.IGNORED;
    }
    return parser.parse(reader.text(), at);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "relaywatch-parse");
    thread.setDaemon(true);
    return thread;
  }

  /** A block handed to the pool, and how many stored bytes of its input had been read then. */
  private record Block(Future<List<ParseResult>> results, long bytesRead) {}

  /** Hands parsed blocks to the consumer in order, reporting progress every few thousand lines. */
  private static final class Delivery {
    private final Consumer<ParseResult> consumer;
    private final Progress progress;
    private final long before;
    private long lines;

    Delivery(Consumer<ParseResult> consumer, Progress progress, long before) {
      this.consumer = consumer;
      this.progress = progress;
      this.before = before;
    }

    /** Returns false when progress asked to stop. */
    boolean deliver(Block block) {
      for (ParseResult result : await(block.results())) {
        consumer.accept(result);
        if (++lines % CHECK_EVERY_LINES == 0 && !progress.update(before + block.bytesRead())) {
          return false;
        }
      }
      return true;
    }

    private static List<ParseResult> await(Future<List<ParseResult>> results) {
      try {
        return results.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while parsing", e);
      } catch (ExecutionException e) {
        // The parser never throws on input; this is a bug (or an Error), so it is not hidden.
        throw new IllegalStateException("parser failed", e.getCause());
      }
    }
  }

  private Instant referenceFor(LogInput input) throws InputException {
    Instant fixed = reference.get();
    if (fixed != null) {
      return fixed;
    }
    return input.isStdin() ? Instant.now() : input.modified();
  }

  /** A line cut by the reader: the parser would refuse it too, without being shown all of it. */
  private static ParseResult tooLong(String start) {
    String raw =
        start.length() > LineParser.MAX_LINE_CHARS
            ? start.substring(0, LineParser.MAX_LINE_CHARS)
            : start;
    return new ParseResult.Unparsed(UnparsedReasons.TOO_LONG, null, null, raw);
  }
}
