package io.relaywatch.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code relaywatch demo}: the whole pipeline on an embedded broker, fed by the scenario log (or a
 * real log), printing each alert with its fix as it fires. Everything lives in a temporary
 * directory that is removed at the end.
 */
public final class Demo {
  /**
   * @param duration how long to run
   * @param log a real log to watch instead of the scenario log, or null
   * @param colour whether to colour the alerts (a terminal)
   * @param config a settings file that overrides the demo's defaults, or null
   */
  public record Options(
      Duration duration,
      Path log,
      boolean colour,
      Path config,
      int kafkaPort,
      int shipPort,
      int streamsPort,
      int alertsPort) {}

  /** Sessions per second of the scenario log: enough for alerts in seconds, still readable. */
  private static final double SESSIONS_PER_SECOND = 5;

  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Asks a running demo to stop, e.g. on Ctrl-C. */
  public void stop() {
    stopped.countDown();
  }

  /** Runs until the duration has passed or {@link #stop()} is called. */
  public void run(Options options, PrintStream out, PrintStream err) throws Exception {
    Path dir = Files.createTempDirectory("relaywatch-demo-");
    long start = System.nanoTime();
    FirstOutput alertsOut = new FirstOutput(out, start, err);
    Thread writer = null;
    try {
      Path log = options.log() != null ? options.log() : dir.resolve("mail.log");
      if (options.log() == null) {
        writer = startWriter(log, options.duration());
      }
      SingleHost.Layout layout =
          new SingleHost.Layout(
              dir.resolve("data"),
              List.of(log),
              options.kafkaPort(),
              options.shipPort(),
              options.streamsPort(),
              options.alertsPort());
      try (SingleHost host =
          SingleHost.start(
              layout,
              options.config(),
              System.getenv(),
              defaults(options),
              new PrintStream(alertsOut, true, StandardCharsets.UTF_8))) {
        banner(err, host, log, options.log() == null);
        stopped.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
        err.println("relaywatch demo: stopping");
      }
    } finally {
      if (writer != null) {
        writer.interrupt();
        writer.join();
      }
      deleteTree(dir);
    }
  }

  /** The demo site: the scenario log's domain, a narrow mynetworks, alerts printed fast. */
  static Map<String, String> defaults(Options options) {
    return Map.of(
        "localDomains", ScenarioLog.LOCAL_DOMAIN,
        "postfix.mynetworks", "127.0.0.0/8 [::1]/128",
        "alerts.stdout", "true",
        "alerts.stdoutColor", Boolean.toString(options.colour()),
        "alerts.evaluationInterval", "2s",
        "streams.zone", "UTC");
  }

  private static Thread startWriter(Path log, Duration duration) {
    SampleLogWriter writer = new SampleLogWriter(log, 1, SESSIONS_PER_SECOND, 0, Clock.systemUTC());
    Thread t =
        new Thread(
            () -> {
              try {
                writer.run(duration);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "relaywatch-demo-log");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void banner(PrintStream err, SingleHost host, Path log, boolean generated) {
    err.println("relaywatch demo: every role running on an embedded Kafka broker");
    err.println(
        "  log:      "
            + log
            + (generated
                ? " (generated: an app server missing from mynetworks, an open-relay"
                    + " prober, a wrong password, the Dovecot auth socket gone)"
                : ""));
    err.println("  kafka:    " + host.bootstrapServers());
    err.println("  ship:     http://127.0.0.1:" + host.shipPort() + "/metrics");
    err.println(
        "  streams:  http://127.0.0.1:"
            + host.streamsPort()
            + "/metrics  http://127.0.0.1:"
            + host.streamsPort()
            + "/api/offenders?window=1h");
    err.println("  alerts:   http://127.0.0.1:" + host.alertsPort() + "/metrics");
    err.println("Alerts and their fixes appear below as they fire. Ctrl-C stops.");
    err.flush();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Passes alerts through, noting on stderr how long the first one took to appear. */
  private static final class FirstOutput extends OutputStream {
    private final OutputStream out;
    private final long start;
    private final PrintStream err;
    private boolean seen;

    FirstOutput(OutputStream out, long start, PrintStream err) {
      this.out = out;
      this.start = start;
      this.err = err;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      if (!seen) {
        seen = true;
        err.printf(
            "relaywatch demo: first alert %.1f s after start%n", (System.nanoTime() - start) / 1e9);
      }
      out.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
      out.flush();
    }
  }
}
