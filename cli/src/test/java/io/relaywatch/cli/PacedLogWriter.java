package io.relaywatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Appends numbered lines to a log at a steady pace from a scheduler, rotating it the way logrotate
 * with {@code delaycompress} does ({@code .1} moves on, the live file becomes {@code .1}, a new one
 * is created) when given line numbers are reached.
 */
final class PacedLogWriter implements AutoCloseable {
  private final Path log;
  private final int total;
  private final int perTick;
  private final Set<Integer> rotateAt;
  private final AtomicInteger written = new AtomicInteger();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private int rotations;

  PacedLogWriter(Path log, int total, int perTick, Set<Integer> rotateAt) {
    this(log, 0, total, perTick, rotateAt);
  }

  /** A writer that continues a log whose lines before {@code from} were written already. */
  PacedLogWriter(Path log, int from, int total, int perTick, Set<Integer> rotateAt) {
    this.written.set(from);
    this.log = log;
    this.total = total;
    this.perTick = perTick;
    this.rotateAt = Set.copyOf(rotateAt);
  }

  /** Writes lines {@code [from, to)} at once, outside the pace. */
  static void writeNow(Path log, int from, int to) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int n = from; n < to; n++) {
      sb.append(line(n)).append('\n');
    }
    Files.writeString(
        log, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static String line(int n) {
    return String.format("Nov 28 12:00:00 mx postfix/smtpd[1]: line %07d", n);
  }

  PacedLogWriter start(long tickMillis) {
    scheduler.scheduleAtFixedRate(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    int from = written.get();
    if (from >= total) {
      scheduler.shutdown();
      return;
    }
    StringBuilder sb = new StringBuilder();
    int to = Math.min(total, from + perTick);
    for (int n = from; n < to; n++) {
      if (rotateAt.contains(n) && n > 0) {
        append(sb);
        sb.setLength(0);
        rotate();
      }
      sb.append(line(n)).append('\n');
    }
    append(sb);
    written.set(to);
  }

  private void append(CharSequence text) {
    try {
      Files.writeString(
          log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void rotate() {
    try {
      Path one = log.resolveSibling(log.getFileName() + ".1");
      if (Files.exists(one)) {
        Files.move(
            one, log.resolveSibling(log.getFileName() + ".2"), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(log, one);
      Files.createFile(log);
      rotations++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int written() {
    return written.get();
  }

  int rotations() {
    return rotations;
  }

  boolean done() {
    return written.get() >= total;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
