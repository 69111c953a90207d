package io.relaywatch.bench.soak;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Appends the soak's traffic to {@code mail.log} at a fixed rate, in ticks of 100 ms, and rotates
 * it the way logrotate does with {@code create} and {@code delaycompress} but no compression:
 * {@code mail.log.N} becomes {@code mail.log.N+1}, {@code mail.log} becomes {@code mail.log.1}, a
 * new {@code mail.log} is created. Rotated files are kept for the verification. Counts every line
 * and every relay denial per client as written.
 */
final class MailLogWriter {
  static final Duration TICK = Duration.ofMillis(100);

  /** An open-relay prober: writes one line a second; a quiet one stops when told to. */
  record Prober(String ip, boolean quiet) {}

  private final Path log;
  private final SoakTraffic traffic;
  private final List<Prober> probers;
  private final double linesPerTick;
  private final Duration rotateEvery;
  private final Clock clock;
  private final Map<String, Long> relayDenials = new TreeMap<>();
  private final Set<String> silenced = new HashSet<>();
  private BufferedWriter out;
  private Instant started;
  private Instant lastRotation;
  private double owed;
  private long ticks;
  private long lines;
  private int generations = 1;

  MailLogWriter(
      Path log,
      SoakTraffic traffic,
      List<Prober> probers,
      int linesPerSecond,
      Duration rotateEvery,
      Clock clock) {
    this.log = log;
    this.traffic = traffic;
    this.probers = List.copyOf(probers);
    this.linesPerTick = linesPerSecond * (TICK.toMillis() / 1000.0);
    this.rotateEvery = rotateEvery;
    this.clock = clock;
  }

  synchronized void open() throws IOException {
    out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    started = clock.instant();
    lastRotation = started;
  }

  /** Writes one tick's lines, flushes them, and rotates when it is time. */
  synchronized void tick() {
    try {
      Instant now = clock.instant();
      owed += linesPerTick;
      for (; owed >= 1; owed--) {
        write(traffic.background(now));
      }
      if (ticks++ % (1000 / TICK.toMillis()) == 0) {
        for (Prober prober : probers) {
          if (!silenced.contains(prober.ip())) {
            write(traffic.probe(prober.ip(), now));
          }
        }
      }
      out.flush();
      if (Duration.between(lastRotation, now).compareTo(rotateEvery) >= 0) {
        rotate(now);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The quiet probers stop probing from the next tick on. */
  synchronized void silenceQuietProbers() {
    probers.stream().filter(Prober::quiet).forEach(p -> silenced.add(p.ip()));
  }

  synchronized void close() throws IOException {
    out.close();
  }

  private void write(SoakTraffic.Line line) throws IOException {
    out.write(line.text());
    out.write('\n');
    lines++;
    if (line.relayDenialIp() != null) {
      relayDenials.merge(line.relayDenialIp(), 1L, Long::sum);
    }
  }

  private void rotate(Instant now) throws IOException {
    out.close();
    for (int n = generations - 1; n >= 1; n--) {
      Files.move(rotated(n), rotated(n + 1), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(log, rotated(1), StandardCopyOption.ATOMIC_MOVE);
    out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    generations++;
    lastRotation = now;
  }

  private Path rotated(int n) {
    return log.resolveSibling(log.getFileName() + "." + n);
  }

  /** Every file written, oldest first. */
  synchronized List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (int n = generations - 1; n >= 1; n--) {
      files.add(rotated(n));
    }
    files.add(log);
    return files;
  }

  synchronized long lines() {
    return lines;
  }

  synchronized int rotations() {
    return generations - 1;
  }

  /** Relay denials written per client IP (reject_warning excluded). */
  synchronized Map<String, Long> relayDenials() {
    return new TreeMap<>(relayDenials);
  }
}
