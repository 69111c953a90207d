package io.relaywatch.bench;

import io.relaywatch.bench.AdversarialLines.Shape;
import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.MailLogParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Time to parse one adversarial 64 KiB line (see {@link AdversarialLines}), in microseconds per
 * line. The target is under 1,000 us for every shape.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WorstCaseBenchmark {
  @Param({
    "BRACKET_RUN",
    "UNCLOSED_BRACKETS",
    "SPACE_RUN",
    "ANGLE_COLON_RUN",
    "REPEATED_FIELDS",
    "LONG_VALID_HELO",
    "SASL_BRACKETS",
    "DISCONNECT_COUNTERS",
    "EXIM_PARENS",
    "SENDMAIL_ANGLES",
    "OVER_LIMIT"
  })
  public Shape shape;

  private LineParser parser;
  private String line;
  private Instant reference;

  @Setup
  public void buildLine() {
    parser = MailLogParser.create(ZoneId.of("UTC"));
    line = shape.line();
    reference = Instant.parse("2026-11-04T00:00:00Z");
  }

  @Benchmark
  public Object parseAdversarialLine() {
    return parser.parse(line, reference);
  }
}
