package io.relaywatch.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak under faults (docs/benchmarks.md, "Soak under faults"): mail log lines at a fixed rate
 * with rotations through the real {@code relaywatch} roles, each its own process, while the roles
 * are SIGKILLed and the broker and Alertmanager restarted at seeded moments; then every line
 * exactly once in the raw topic, the relay-denial totals as written, and each expected alert with
 * one lifecycle. Exits 1 when a check fails, 2 on bad arguments.
 */
public final class Soak {
  private Soak() {}

  public static void main(String[] args) throws Exception {
    SoakOptions options;
    try {
      options = SoakOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("soak: " + e.getMessage());
      System.err.println(SoakOptions.USAGE);
      System.exit(2);
      return;
    }
    boolean passed = run(options);
    System.out.println(passed ? "soak: PASSED" : "soak: FAILED");
    System.exit(passed ? 0 : 1);
  }

  static boolean run(SoakOptions options) throws Exception {
    Path work = fresh(options.work());
    Instant started = Instant.now();
    FaultTimeline timeline = new FaultTimeline(started);
    FaultPlan plan =
        FaultPlan.draw(
            options.seed(),
            options.duration(),
            Pipeline.KILLED,
            FaultPlan.killsFor(options.duration()),
            Pipeline.RESTARTED);
    ScheduledExecutorService background = Executors.newScheduledThreadPool(3);
    try (WebhookSink webhook = new WebhookSink(SoakFiles.WEBHOOK_SECRET);
        Pipeline pipeline = new Pipeline(options, work, timeline)) {
      pipeline.startBackends();
      Path config =
          SoakFiles.relaywatch(
              work, pipeline.bootstrap(), pipeline.alertmanagerUrl(), webhook.url());
      SoakProbers probers = new SoakProbers(options.duration());
      MailLogWriter writer =
          new MailLogWriter(
              work.resolve("mail.log"),
              new SoakTraffic(options.seed()),
              probers.all(),
              options.rate(),
              options.rotateEvery(),
              Clock.systemUTC());
      writer.open();
      pipeline.startRoles(config, work.resolve("mail.log"));
      AlertmanagerWatch watch = new AlertmanagerWatch(pipeline.alertmanagerUrl());
      background.scheduleAtFixedRate(watch::poll, 1, 2, TimeUnit.SECONDS);
      background.scheduleWithFixedDelay(() -> supervise(pipeline), 1, 1, TimeUnit.SECONDS);
      var ticks =
          background.scheduleAtFixedRate(
              () -> tick(writer), 0, MailLogWriter.TICK.toMillis(), TimeUnit.MILLISECONDS);
      timeline.record("writer", "writing " + options.rate() + " lines/s");
      // Faults hit a pipeline that works: a shipper killed before it ever committed is a first
      // start, which reads only the current file (docs/shipper.md).
      Instant flowing = pipeline.awaitFlowing();
      background.schedule(
          writer::silenceQuietProbers, probers.quietAfter().toMillis(), TimeUnit.MILLISECONDS);
      runFaults(plan, pipeline, flowing);
      awaitUntil(flowing.plus(options.duration()));
      ticks.cancel(false);
      writer.close();
      Instant stopped = Instant.now();
      timeline.record("writer", "stopped after " + writer.lines() + " lines");
      return SoakReport.verify(
          options, work, writer, pipeline, webhook, watch, probers, stopped, timeline, started);
    } finally {
      background.shutdownNow();
    }
  }

  private static void runFaults(FaultPlan plan, Pipeline pipeline, Instant from)
      throws IOException, InterruptedException {
    for (FaultPlan.Fault fault : plan.faults()) {
      awaitUntil(from.plus(fault.at()));
      pipeline.apply(fault);
    }
  }

  // Waiting for a moment of the plan, not for a condition: nothing to poll.
  private static void awaitUntil(Instant moment) throws InterruptedException {
    long millis = Duration.between(Instant.now(), moment).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  // A writer that cannot write makes the soak meaningless: say so loudly, the checks then fail.
  private static void tick(MailLogWriter writer) {
    try {
      writer.tick();
    } catch (RuntimeException e) {
      System.err.println("soak: the writer failed: " + e);
      throw e;
    }
  }

  private static void supervise(Pipeline pipeline) {
    try {
      pipeline.supervise();
    } catch (IOException | RuntimeException e) {
      System.err.println("soak: could not restart a role: " + e.getMessage());
    }
  }

  private static Path fresh(Path work) throws IOException {
    if (Files.exists(work)) {
      try (Stream<Path> paths = Files.walk(work)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(work).toAbsolutePath();
  }

  /** The probers: three that probe throughout, one that goes quiet so that its alert resolves. */
  record SoakProbers(Duration run) {
    List<MailLogWriter.Prober> all() {
      return List.of(
          new MailLogWriter.Prober("100.64.7.1", false),
          new MailLogWriter.Prober("100.64.7.2", false),
          new MailLogWriter.Prober("100.64.7.3", false),
          new MailLogWriter.Prober("100.64.7.9", true));
    }

    /**
     * When the quiet prober stops, after the pipeline flows: late enough for its alert to fire,
     * early enough that it resolves (alerts.window plus alerts.resolveAfter later) soon after the
     * writer stops.
     */
    Duration quietAfter() {
      return run.multipliedBy(3).dividedBy(10);
    }
  }
}
