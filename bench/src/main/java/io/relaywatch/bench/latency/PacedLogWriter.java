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
  private volatile long probesFrom = Long.MAX_VALUE;
  private volatile long backgroundLines;
  private volatile long startNanos;
  private volatile long endNanos;

  PacedLogWriter(
      Path file,
      PacingSchedule schedule,
      QuietBackground background,
      ProbePlan plan,
      ProbeLog log) {
    this.file = file;
    this.schedule = new PacingSchedule(schedule.linesPerSecond(), TICK_NANOS);
    this.background = background;
    this.plan = plan;
    this.log = log;
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
        if (nextProbe < plan.probes() && elapsed >= probesFrom + plan.at(nextProbe)) {
          writeProbe(out, new ProbeBurst(nextProbe++));
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

  /** The lines before the crossing one in one write, then the crossing line alone, timed. */
  private void writeProbe(FileOutputStream out, ProbeBurst burst) throws IOException {
    List<String> lines = burst.lines(background.syslogTime(Instant.now()), MAIL_HOST);
    StringBuilder before = new StringBuilder();
    for (String line : lines.subList(0, lines.size() - 1)) {
      before.append(line).append('\n');
    }
    out.write(before.toString().getBytes(StandardCharsets.UTF_8));
    String crossing = lines.get(lines.size() - 1);
    ProbeLog.Probe probe = log.register(burst, crossing);
    out.write((crossing + "\n").getBytes(StandardCharsets.UTF_8));
    probe.written = System.nanoTime();
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
