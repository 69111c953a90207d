package io.relaywatch.cli;

import io.relaywatch.kafka.testing.KafkaFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code relaywatch} command ({@code ship}, {@code streams}) as a child JVM, for tests that kill
 * it. Output of every start is appended to one log file, each start marked.
 */
final class CliProcess implements AutoCloseable {
  private final List<String> command = new ArrayList<>();
  private final Map<String, String> env;
  private final Path output;
  private Process process;
  private int starts;

  CliProcess(List<String> args, Map<String, String> env, Path output) {
    this(args, env, output, "256m");
  }

  /** A command with a larger heap, for one that runs a broker and every role. */
  CliProcess(List<String> args, Map<String, String> env, Path output, String maxHeap) {
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + maxHeap);
    command.add("-Dlog4j2.configurationFile=" + CliProcess.class.getResource("/log4j2-child.xml"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    this.env = Map.copyOf(env);
    this.output = output;
  }

  /**
   * {@code relaywatch ship} of one file into {@code topic}, its state and output under {@code dir},
   * without a metrics port.
   */
  static CliProcess ship(
      String bootstrapServers,
      Path log,
      Path dir,
      String topic,
      String id,
      Map<String, String> env) {
    return new CliProcess(
        List.of(
            "ship",
            "--bootstrap-servers",
            bootstrapServers,
            "--file",
            log.toString(),
            "--state-dir",
            dir.resolve("state").toString(),
            "--topic",
            topic,
            "--id",
            id,
            "--metrics-port",
            "-1"),
        env,
        dir.resolve("shipper.out"));
  }

  /**
   * {@code relaywatch ship} to the shared test broker with an id and a checkpoint topic of this run
   * ({@code <name>-<run>}, {@code <name>-checkpoints-<run>}), polling every 50 ms.
   */
  static CliProcess shipForRun(String name, String run, Path log, Path dir, String topic) {
    return ship(
        KafkaFixture.bootstrapServers(),
        log,
        dir,
        topic,
        name + "-" + run,
        Map.of(
            "RELAYWATCH_SHIP_CHECKPOINT_TOPIC",
            name + "-checkpoints-" + run,
            "RELAYWATCH_SHIP_POLL_INTERVAL",
            "50ms"));
  }

  CliProcess start() {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().putAll(env);
    try {
      Files.writeString(
          output,
          "--- start " + (starts + 1) + " at " + Instant.now() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      process = builder.start();
      starts++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.subList(5, command.size()), e);
    }
    return this;
  }

  /** SIGKILL: no shutdown hook, no flush, an open transaction left behind. */
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
