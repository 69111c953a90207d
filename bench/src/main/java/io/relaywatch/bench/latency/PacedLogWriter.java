package io.relaywatch.bench.latency;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends the background to the mail log on a {@link PacingSchedule}, and the probes between its
 * ticks: one thread owns the file, so probe and background lines never interleave inside a line.
 * Every write goes straight to the file (no buffer kept across ticks), so a line is in the file
 * when its {@code write} returns.
 */
final class PacedLogWriter implements Runnable {
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final String MAIL_HOST = "mx1";

  private final Path file;
  private final PacingSchedule schedule;
  private final QuietBackground background;
  private final ProbePlan plan;
  private final ProbeLog log;
  private final long probeSpacingNanos;
  private volatile long probesFrom = Long.MAX_VALUE;
  private ProbeBurst burst;
  private int burstLine;
  private long burstStart;
  private volatile long backgroundLines;
  private volatile long startNanos;
  private volatile long endNanos;

  PacedLogWriter(
      Path file,
      long linesPerSecond,
      QuietBackground background,
      ProbePlan plan,
      ProbeLog log,
      long probeSpacingNanos) {
    this.file = file;
    this.schedule = new PacingSchedule(linesPerSecond, TICK_NANOS);
    this.background = background;
    this.plan = plan;
    this.log = log;
    this.probeSpacingNanos = probeSpacingNanos;
  }

  @Override
  public void run() {
    try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
      startNanos = System.nanoTime();
      long elapsed = 0;
      int nextProbe = 0;
      StringBuilder batch = new StringBuilder(64 * 1024);
      while (probesFrom == Long.MAX_VALUE || elapsed < probesFrom + plan.durationNanos()) {
        writeBackground(out, batch, schedule.linesDue(elapsed));
        if (burst == null
            && nextProbe < plan.probes()
            && elapsed >= probesFrom + plan.at(nextProbe)) {
          burst = new ProbeBurst(nextProbe++);
          burstLine = 0;
          burstStart = elapsed;
        }
        if (burst != null) {
          writeProbeLines(out, elapsed);
        }
        long wake = startNanos + schedule.nextTick(elapsed);
        LockSupport.parkNanos(wake - System.nanoTime());
        elapsed = System.nanoTime() - startNanos;
      }
      endNanos = System.nanoTime();
    } catch (IOException e) {
      throw new IllegalStateException("cannot append to " + file, e);
    }
  }

  private void writeBackground(FileOutputStream out, StringBuilder batch, long due)
      throws IOException {
    if (due <= backgroundLines) {
      return;
    }
    batch.setLength(0);
    Instant now = Instant.now();
    long lines = due - backgroundLines;
    for (long i = 0; i < lines; i++) {
      batch.append(background.nextLine(now)).append('\n');
    }
    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
    backgroundLines = due;
  }

  /**
   * The burst's lines that are due, each in its own write, {@code probeSpacing} apart as a prober's
   * RCPT commands are; the last one crosses the threshold and is timed.
   */
  private void writeProbeLines(FileOutputStream out, long elapsed) throws IOException {
    while (burst != null && elapsed >= burstStart + burstLine * probeSpacingNanos) {
      List<String> lines = burst.lines(background.syslogTime(Instant.now()), MAIL_HOST);
      String line = lines.get(burstLine);
      if (burstLine < lines.size() - 1) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        burstLine++;
      } else {
        ProbeLog.Probe probe = log.register(burst, line);
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        probe.written = System.nanoTime();
        burst = null;
      }
    }
  }

  /**
   * Ends the warm-up: probes start now, and the background stops the plan's duration later.
   *
   * @return seconds of warm-up
   */
  double startProbes() {
    long now = System.nanoTime() - startNanos;
    probesFrom = now;
    return now / 1e9;
  }

  long backgroundLines() {
    return backgroundLines;
  }

  /** Seconds from the first tick to the last one, or to now while running. */
  double seconds() {
    long end = endNanos != 0 ? endNanos : System.nanoTime();
    return (end - startNanos) / 1e9;
  }

  /** Lines written in all, probes included. */
  long totalLines() {
    return backgroundLines + (long) plan.probes() * ProbeBurst.DOMAINS;
  }
}
