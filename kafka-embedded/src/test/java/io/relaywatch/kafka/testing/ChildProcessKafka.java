package io.relaywatch.kafka.testing;

import io.relaywatch.kafka.EmbeddedKafkaMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded broker in a child JVM ({@link EmbeddedKafkaMain}), for tests that stop, kill or
 * restart the broker. Each {@link #start()} reuses the data directory and, after the first, the
 * port, so clients reconnect to the same address and find the same data.
 */
public final class ChildProcessKafka implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(90);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(60);

  private final Path dataDir;
  private int port;
  private Process process;

  /** A broker keeping its data in {@code dataDir}; nothing runs before {@link #start()}. */
  public ChildProcessKafka(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath();
  }

  /** Launches the child JVM and returns once it accepts clients. */
  public synchronized ChildProcessKafka start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    try {
      process = new ProcessBuilder(command()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch the broker JVM", e);
    }
    port = awaitReady(process);
    return this;
  }

  /** {@code 127.0.0.1:PORT}; stays the same across restarts. */
  public synchronized String bootstrapServers() {
    if (port == 0) {
      throw new IllegalStateException("never started");
    }
    return "127.0.0.1:" + port;
  }

  /** SIGKILL: the broker gets no chance to flush or close anything. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      awaitExit(process);
    }
  }

  /** SIGTERM: the broker shuts down cleanly through its shutdown hook. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      awaitExit(process);
    }
  }

  /** Stops the broker cleanly if it runs, then starts it again on the same data and port. */
  public synchronized ChildProcessKafka restart() {
    stop();
    return start();
  }

  /** The JVM's process id, for a test's own signals. */
  public synchronized long pid() {
    return process.pid();
  }

  @Override
  public synchronized void close() {
    stop();
  }

  private List<String> command() {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EmbeddedKafkaMain.class.getName());
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.add("--port");
    command.add(Integer.toString(port));
    return command;
  }

  /** Reads the child's output until the ready line, echoing it, and keeps draining it after. */
  private static int awaitReady(Process child) {
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(child, ready), "kafka-child-" + child.pid() + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return ready.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      child.destroyForcibly();
      throw new IllegalStateException("the broker JVM did not become ready: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
      throw new IllegalStateException("interrupted while the broker JVM started", e);
    }
  }

  private static void pump(Process child, CompletableFuture<Integer> ready) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        System.out.println("[kafka child " + child.pid() + "] " + line);
        if (line.startsWith(EmbeddedKafkaMain.READY)) {
          String address = line.substring(EmbeddedKafkaMain.READY.length()).trim();
          ready.complete(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
        }
      }
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException("the broker JVM exited before ready"));
  }

  private static void awaitExit(Process child) {
    try {
      if (!child.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        child.destroyForcibly();
        throw new IllegalStateException("the broker JVM did not stop within " + STOP_DEADLINE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the broker JVM stopped", e);
    }
  }
}
