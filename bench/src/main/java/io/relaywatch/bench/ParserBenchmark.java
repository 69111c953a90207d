package io.relaywatch.bench;

import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.MailLogParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parser throughput on one thread over a generated mixed sample, in lines per second. The {@code
 * containsReject} baseline scans the same lines with {@code String.contains("reject")}, so results
 * can be read as a ratio that travels between machines better than the absolute figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParserBenchmark {
  /** Lines in the mixed sample; each benchmark call parses all of them. */
  public static final int LINES = 100_000;

  private static final long SEED = 20261103L;

  private LineParser parser;
  private String[] mixed;
  private String[] rejects;
  private Instant reference;

  @Setup
  public void generateSample() {
    MailLogGenerator generator = new MailLogGenerator(SEED, MailLogGenerator.DEFAULT_START);
    List<String> lines = generator.nextLines(LINES);
    mixed = lines.toArray(String[]::new);
    // Only reject lines, repeated to the same count: the cost of the full pattern path.
    List<String> rejectLines = lines.stream().filter(l -> l.contains(": reject")).toList();
    rejects = new String[LINES];
    for (int i = 0; i < LINES; i++) {
      rejects[i] = rejectLines.get(i % rejectLines.size());
    }
    reference = generator.lastTimestamp();
    parser = MailLogParser.create(ZoneId.of("UTC"));
  }

  /** The parser over the mixed sample (12% rejects, 1% SASL failures). */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void parseMixedLines(Blackhole blackhole) {
    for (String line : mixed) {
      blackhole.consume(parser.parse(line, reference));
    }
  }

  /** The parser over reject lines only. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void parseRejectLines(Blackhole blackhole) {
    for (String line : rejects) {
      blackhole.consume(parser.parse(line, reference));
    }
  }

  /** The floor: one substring scan per line over the mixed sample. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void containsRejectBaseline(Blackhole blackhole) {
    for (String line : mixed) {
      blackhole.consume(line.contains("reject"));
    }
  }
}
