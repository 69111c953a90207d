package io.relaywatch.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relaywatch.events.Json;
import io.relaywatch.events.MailEvent;
import io.relaywatch.streams.parse.MailLogParser;
import io.relaywatch.streams.parse.ParseResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Writing the generator's recognised events as {@code relaywatch.events} JSON, with the shared
 * mapper ({@link Json#mapper()}) against the same settings without its extra modules (the baseline,
 * read as a ratio): what {@code events-sink} pays per event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EventJsonBenchmark {
  private static final long SEED = 20261103L;
  private static final int LINES = 50_000;

  private MailEvent[] events;
  private ObjectWriter shared;
  private ObjectWriter plain;
  private int next;

  @Setup
  public void parseSample() {
    MailLogGenerator generator = new MailLogGenerator(SEED, MailLogGenerator.DEFAULT_START);
    List<String> lines = generator.nextLines(LINES);
    MailLogParser parser = MailLogParser.create(ZoneId.of("UTC"));
    Instant reference = generator.lastTimestamp();
    events =
        lines.stream()
            .map(line -> parser.parse(line, reference))
            .filter(ParseResult.Parsed.class::isInstance)
            .map(result -> ((ParseResult.Parsed) result).event())
            .toArray(MailEvent[]::new);
    shared = Json.mapper().writerFor(MailEvent.class);
    plain = plainMapper().writerFor(MailEvent.class);
  }

  /** {@link Json#mapper()}'s settings with only the date module. */
  private static ObjectMapper plainMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  private MailEvent nextEvent() {
    MailEvent event = events[next];
    next = next + 1 == events.length ? 0 : next + 1;
    return event;
  }

  @Benchmark
  public byte[] sharedMapper() throws Exception {
    return shared.writeValueAsBytes(nextEvent());
  }

  @Benchmark
  public byte[] plainMapperBaseline() throws Exception {
    return plain.writeValueAsBytes(nextEvent());
  }
}
