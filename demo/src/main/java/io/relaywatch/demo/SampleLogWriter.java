package io.relaywatch.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Appends the {@link ScenarioLog} to a file at a steady pace, the way syslog would, and rotates it
 * like logrotate's rename-and-create when asked: the sample source of the demo and the compose
 * stack. Each session is flushed as a whole, so a tailer never waits on a half-written session.
 */
public final class SampleLogWriter {
  private final Path file;
  private final ScenarioLog scenarios;
  private final Duration pause;
  private final long rotateEvery;
  private final Clock clock;
  private long linesInFile;
  private long written;

  /**
   * @param sessionsPerSecond how many sessions (a few lines each) to write per second
   * @param rotateEvery rotate after this many lines in the live file; 0 never
   */
  public SampleLogWriter(
      Path file, long seed, double sessionsPerSecond, long rotateEvery, Clock clock) {
    if (!(sessionsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "sessions per second must be above 0: " + sessionsPerSecond);
    }
    this.file = file;
    this.scenarios = new ScenarioLog(seed);
    this.pause = Duration.ofNanos((long) (1_000_000_000L / sessionsPerSecond));
    this.rotateEvery = rotateEvery;
    this.clock = clock;
  }

  /** Writes until {@code duration} has passed or the thread is interrupted. */
  public void run(Duration duration) throws IOException, InterruptedException {
    Instant end = clock.instant().plus(duration);
    Instant next = clock.instant();
    while (clock.instant().isBefore(end)) {
      writeSession(clock.instant());
      next = next.plus(pause);
      long waitMillis = Duration.between(clock.instant(), next).toMillis();
      if (waitMillis > 0) {
        // A pacing wait in a production loop, not a test synchronisation.
        Thread.sleep(waitMillis);
      }
    }
  }

  /** Appends one session stamped {@code at}, rotating first when the live file is full. */
  public void writeSession(Instant at) throws IOException {
    if (rotateEvery > 0 && linesInFile >= rotateEvery) {
      rotate();
    }
    List<String> lines = scenarios.next(at);
    try (Writer w =
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
    linesInFile += lines.size();
    written += lines.size();
  }

  private void rotate() throws IOException {
    Files.move(
        file,
        file.resolveSibling(file.getFileName() + ".1"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    linesInFile = 0;
  }

  /** Lines written so far, over all files. */
  public long written() {
    return written;
  }
}
