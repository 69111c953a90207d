package io.relaywatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code relaywatch ship} as a child JVM, for tests that kill it. Output goes to a log file. */
final class ShipperProcess implements AutoCloseable {
  private final List<String> command;
  private final Map<String, String> env;
  private final Path output;
  private Process process;
  private int starts;

  ShipperProcess(List<String> shipArgs, Map<String, String> env, Path output) {
    this.command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    command.add(
        "-Dlog4j2.configurationFile=" + ShipperProcess.class.getResource("/log4j2-child.xml"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("ship");
    command.addAll(shipArgs);
    this.env = Map.copyOf(env);
    this.output = output;
  }

  ShipperProcess start() {
    try {
      java.nio.file.Files.writeString(
          output,
          "--- start " + (starts + 1) + " at " + java.time.Instant.now() + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().putAll(env);
    try {
      process = builder.start();
      starts++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the shipper JVM", e);
    }
    return this;
  }

  /** SIGKILL: no shutdown hook, no flush, no chance to finish a transaction. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  int starts() {
    return starts;
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
