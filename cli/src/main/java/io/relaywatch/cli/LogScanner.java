package io.relaywatch.cli;

import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.ParseResult;
import io.relaywatch.streams.parse.UnparsedReasons;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
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

  /**
   * @param reference the reference time for all inputs, or a supplier of null to use each file's
   *     modification time (standard input: now)
   */
  LogScanner(List<LogInput> inputs, LineParser parser, Supplier<Instant> reference) {
    this.inputs = inputs;
    this.parser = parser;
    this.reference = reference;
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
   * Scans the inputs.
   *
   * @return false when progress asked to stop
   */
  boolean scan(Consumer<ParseResult> consumer, Progress progress) throws InputException {
    long before = 0;
    for (LogInput input : inputs) {
      if (!scan(input, consumer, progress, before)) {
        return false;
      }
      before += input.bytesRead();
    }
    return progress.update(before);
  }

  private boolean scan(
      LogInput input, Consumer<ParseResult> consumer, Progress progress, long before)
      throws InputException {
    Instant at = referenceFor(input);
    try (InputStream in = input.open()) {
      LineReader reader = new LineReader(in);
      long lines = 0;
      for (String line = reader.next(); line != null; line = reader.next()) {
        consumer.accept(reader.truncated() ? tooLong(line) : parser.parse(line, at));
        if (++lines % CHECK_EVERY_LINES == 0 && !progress.update(before + input.bytesRead())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw InputException.of(input.name(), e);
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
