package io.relaywatch.bench.latency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency of the whole pipeline as a user runs it ({@code relaywatch all}: broker,
 * shipper, Streams, alert service), from a probe's crossing line written to {@code mail.log} to its
 * alert at a webhook on 127.0.0.1, under a steady background of realistic lines; with, from the
 * same run, the baseline of the same line visible in the raw-lines topic. See docs/benchmarks.md,
 * "Streaming latency".
 */
public final class StreamingLatency {
  private static final long TAIL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long MAX_WARM_UP_NANOS = TimeUnit.MINUTES.toNanos(4);

  private StreamingLatency() {}

  public static void main(String[] args) throws Exception {
    LatencyOptions options;
    ProbePlan plan;
    try {
      options = LatencyOptions.parse(args);
      plan = ProbePlan.spread(options.probes(), options.duration().toNanos(), TAIL_NANOS);
    } catch (IllegalArgumentException e) {
      System.err.println("StreamingLatency: " + e.getMessage() + "\n" + LatencyOptions.USAGE);
      System.exit(2);
      return;
    }
    run(options, plan);
  }

  private static void run(LatencyOptions options, ProbePlan plan) throws Exception {
    Path dir = Files.createTempDirectory("relaywatch-latency");
    Path mailLog = Files.createFile(dir.resolve("mail.log"));
    Files.createDirectories(options.out());
    ProbeLog log = new ProbeLog();
    String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String loadBefore = loadAverage().split(" ")[0];
    try (WebhookReceiver receiver = WebhookReceiver.start(log)) {
      Map<String, String> settings = settings(receiver.url());
      Path config = writeConfig(dir, settings);
      settings.put("probe lines apart", options.probeSpacing().toMillis() + "ms");
      Outcome outcome;
      try (PipelineProcess pipeline =
          PipelineProcess.start(
              options.jar(),
              options.pipelineJavaOptions(),
              mailLog,
              dir.resolve("data"),
              config,
              options.out().resolve("streaming-latency-pipeline.log"))) {
        outcome = drive(pipeline, mailLog, options, plan, log);
      }
      RunFacts facts =
          new RunFacts(
              startedAt,
              options.duration().toSeconds(),
              outcome.warmUp(),
              options.rate(),
              outcome.writer().totalLines(),
              outcome.writer().seconds(),
              outcome.delivered(),
              outcome.deliveredDuringRun(),
              loadBefore,
              loadAverage(),
              options.pipelineJavaOptions(),
              settings,
              log.strangerAlerts());
      report(LatencyFigures.of(log.probes()), facts, options.out());
    }
  }

  /** What {@link #drive} leaves behind for the report. */
  private record Outcome(
      PacedLogWriter writer, WarmUp warmUp, long deliveredDuringRun, long delivered) {}

  /** The background, the warm-up, the probes, then the drain, against a healthy pipeline. */
  private static Outcome drive(
      PipelineProcess pipeline, Path mailLog, LatencyOptions options, ProbePlan plan, ProbeLog log)
      throws InterruptedException {
    try (TopicWatcher watcher = new TopicWatcher(pipeline.bootstrapServers(), log).start();
        StreamsLag lag = new StreamsLag(pipeline.bootstrapServers())) {
      System.err.printf(
          "pipeline (pid %d) healthy; background %,d lines/s, then %d probes over %d s%n",
          pipeline.pid(), options.rate(), plan.probes(), options.duration().toSeconds());
      PacedLogWriter writer =
          new PacedLogWriter(
              mailLog,
              options.rate(),
              new QuietBackground(options.seed(), ZoneId.systemDefault()),
              plan,
              log,
              options.probeSpacing().toNanos());
      Thread thread = new Thread(writer, "mail-log-writer");
      thread.start();
      WarmUp warmUp = warmUp(writer, lag, options);
      long maxLag = warmUp.lagAtStart();
      while (thread.isAlive()) {
        maxLag = Math.max(maxLag, lag.records());
        thread.join(1000);
      }
      long deliveredDuringRun = watcher.rawLines();
      drain(log, watcher, writer.totalLines());
      return new Outcome(writer, warmUp.withMaxLag(maxLag), deliveredDuringRun, watcher.rawLines());
    }
  }

  /**
   * The background alone until the topology has caught up with it (at most half a second of lines
   * behind, over every topic it reads), at least {@code --warm-up} and at most {@link
   * #MAX_WARM_UP_NANOS}: a cold JVM on a busy machine starts tens of seconds behind and catches up
   * only slowly, and probes written then would measure the start-up, not the steady state.
   */
  private static WarmUp warmUp(PacedLogWriter writer, StreamsLag lag, LatencyOptions options)
      throws InterruptedException {
    long start = System.nanoTime();
    LockSupport.parkNanos(options.warmUp().toNanos());
    long behind = lag.records();
    // Half a second of lines, but not less than the commit markers a quiet topology leaves.
    long slack = Math.max(options.rate() / 2, 100);
    while ((behind < 0 || behind > slack) && System.nanoTime() - start < MAX_WARM_UP_NANOS) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
      behind = lag.records();
    }
    double seconds = writer.startProbes();
    System.err.printf(
        "warm-up: %.1f s; Streams %,d records behind; probes start%n", seconds, behind);
    return new WarmUp(seconds, behind, behind);
  }

  /** Waits, at most {@link #DRAIN_NANOS}, for every probe's alert and every line. */
  private static void drain(ProbeLog log, TopicWatcher watcher, long lines) {
    long deadline = System.nanoTime() + DRAIN_NANOS;
    while ((!log.allAlerted() || watcher.rawLines() < lines) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  /** What the settings file sets (loopback addresses, the webhook) and the RELAYWATCH_* env. */
  private static Map<String, String> settings(String webhookUrl) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("alerts.webhook.urls", webhookUrl);
    settings.put("ship.metrics.address", "127.0.0.1");
    settings.put("streams.http.address", "127.0.0.1");
    settings.put("alerts.http.address", "127.0.0.1");
    new TreeMap<>(System.getenv())
        .forEach(
            (key, value) -> {
              if (key.startsWith("RELAYWATCH_")) {
                settings.put(key, value);
              }
            });
    return settings;
  }

  private static Path writeConfig(Path dir, Map<String, String> settings) throws IOException {
    String yaml =
        String.join(
            "\n",
            List.of(
                "ship:",
                "  metrics: {address: " + settings.get("ship.metrics.address") + "}",
                "streams:",
                "  http: {address: " + settings.get("streams.http.address") + "}",
                "alerts:",
                "  http: {address: " + settings.get("alerts.http.address") + "}",
                "  webhook:",
                "    urls: [\"" + settings.get("alerts.webhook.urls") + "\"]",
                ""));
    return Files.writeString(dir.resolve("relaywatch.yml"), yaml);
  }

  private static void report(LatencyFigures figures, RunFacts facts, Path out) throws IOException {
    System.err.println(LatencyReport.perProbe(figures.probes()));
    String markdown = LatencyReport.markdown(figures, facts);
    System.out.print(markdown);
    Files.writeString(out.resolve("streaming-latency.md"), markdown, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("streaming-latency.json"),
        LatencyReport.json(figures, facts),
        StandardCharsets.UTF_8);
    if (!facts.strangerAlerts().isEmpty()) {
      System.err.println("alerts no probe explains: " + facts.strangerAlerts().size());
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
