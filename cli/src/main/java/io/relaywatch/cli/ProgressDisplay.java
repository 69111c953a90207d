package io.relaywatch.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on standard error by bytes read, shown only for large inputs on a terminal: in a
 * pipe or a log file it would be noise.
 */
final class ProgressDisplay implements AutoCloseable {
  /** Below this a report takes about a second; a bar would only flicker. */
  static final long MIN_BYTES = 64L << 20;

  private final ProgressBar bar;

  private ProgressDisplay(ProgressBar bar) {
    this.bar = bar;
  }

  static ProgressDisplay forInput(long totalBytes) {
    if (totalBytes < MIN_BYTES || System.console() == null) {
      return new ProgressDisplay(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Reading")
            .setInitialMax(totalBytes)
            .setUnit(" MiB", 1L << 20)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .clearDisplayOnFinish()
            .build();
    return new ProgressDisplay(bar);
  }

  void update(long bytesRead) {
    if (bar != null) {
      bar.stepTo(bytesRead);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
