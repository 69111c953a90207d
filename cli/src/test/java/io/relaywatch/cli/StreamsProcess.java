package io.relaywatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code relaywatch streams --config FILE} as a child JVM, for tests that kill it. Output goes to a
 * log file, appended across starts.
 */
final class StreamsProcess implements AutoCloseable {
  private final List<String> command;
  private final Path output;
  private Process process;

  StreamsProcess(Path config, Path output) {
    this.command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx256m",
            "-Dlog4j2.configurationFile=" + StreamsProcess.class.getResource("/log4j2-child.xml"),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "streams",
            "--config",
            config.toString());
    this.output = output;
  }

  StreamsProcess start() {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the streams JVM", e);
    }
    return this;
  }

  /** SIGKILL: no shutdown hook, no commit, an open transaction left behind. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
