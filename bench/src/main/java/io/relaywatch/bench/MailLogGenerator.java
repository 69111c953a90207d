package io.relaywatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Postfix 3.7 {@code mail.log} with RFC 3164 headers, the same for the same
 * seed. The mix follows the peer baselines: about 12% rejects (7% relay denials), 1% SASL failures,
 * the rest connects, disconnects and ordinary delivery. Timestamps (UTC) never go backwards.
 *
 * <p>Usage: {@code MailLogGenerator --lines N --seed S --out PATH [--start ISO-INSTANT]}
 */
public final class MailLogGenerator {
  /** Where a log starts unless told otherwise. */
  public static final Instant DEFAULT_START = Instant.parse("2026-11-03T00:00:00Z");

  static final String SERVER_HOST = "mx1";
  private static final int CLIENTS = 3000;
  // About 0.2 s between lines: a million lines span a little over two days.
  private static final int MAX_STEP_MILLIS = 400;
  private static final DateTimeFormatter SYSLOG_TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final SplittableRandom random;
  private final PostfixLines postfix;
  private final StringBuilder line = new StringBuilder(256);
  private long epochMillis;
  private long formattedSecond = Long.MIN_VALUE;
  private String formattedTime;

  /** A generator whose output depends only on {@code seed} and {@code start}. */
  public MailLogGenerator(long seed, Instant start) {
    random = new SplittableRandom(seed);
    postfix = new PostfixLines(random, new ClientPool(random, CLIENTS));
    epochMillis = start.toEpochMilli();
  }

  /** The next line, without a newline. */
  public String nextLine() {
    epochMillis += random.nextInt(MAX_STEP_MILLIS + 1);
    String time = syslogTime();
    line.setLength(0);
    line.append(time).append(' ').append(SERVER_HOST).append(' ');
    postfix.append(line, LineKind.forTicket(random.nextInt(LineKind.TOTAL_WEIGHT)), time);
    return line.toString();
  }

  /** The next {@code count} lines. */
  public List<String> nextLines(int count) {
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(nextLine());
    }
    return lines;
  }

  /** The time of the last line written; a good reference time for year inference. */
  public Instant lastTimestamp() {
    return Instant.ofEpochMilli(epochMillis);
  }

  /** Writes {@code count} lines to {@code out}. */
  public void write(Writer out, long count) throws IOException {
    for (long i = 0; i < count; i++) {
      out.write(nextLine());
      out.write('\n');
    }
  }

  private String syslogTime() {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != formattedSecond) {
      formattedSecond = second;
      formattedTime = SYSLOG_TIME.format(Instant.ofEpochSecond(second));
    }
    return formattedTime;
  }

  /** Command line entry point; exits 2 with a message on bad arguments, 1 on an I/O error. */
  public static void main(String[] args) {
    GeneratorOptions options;
    try {
      options = GeneratorOptions.parse(args);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      System.err.println("MailLogGenerator: " + e.getMessage());
      System.err.println(GeneratorOptions.USAGE);
      System.exit(2);
      return;
    }
    MailLogGenerator generator = new MailLogGenerator(options.seed(), options.start());
    try (BufferedWriter out = Files.newBufferedWriter(options.out(), StandardCharsets.UTF_8)) {
      generator.write(out, options.lines());
    } catch (IOException e) {
      System.err.println("MailLogGenerator: cannot write " + options.out() + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /** The parsed command line. */
  record GeneratorOptions(long lines, long seed, Path out, Instant start) {
    static final String USAGE =
        "usage: MailLogGenerator --lines N --seed S --out PATH [--start 2026-11-03T00:00:00Z]";

    static GeneratorOptions parse(String[] args) {
      Long lines = null;
      long seed = 1;
      Path out = null;
      Instant start = DEFAULT_START;
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--lines" -> lines = parseCount(value);
          case "--seed" -> seed = parseLong("--seed", value);
          case "--out" -> out = Path.of(required("--out", value));
          case "--start" -> start = Instant.parse(required("--start", value));
          default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
        i++;
      }
      if (lines == null || out == null) {
        throw new IllegalArgumentException("--lines and --out are required");
      }
      return new GeneratorOptions(lines, seed, out, start);
    }

    private static long parseCount(String value) {
      long count = parseLong("--lines", value);
      if (count < 0) {
        throw new IllegalArgumentException("--lines must be 0 or more, got " + count);
      }
      return count;
    }

    private static long parseLong(String option, String value) {
      try {
        return Long.parseLong(required(option, value));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
      }
    }

    private static String required(String option, String value) {
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }
  }
}
