package io.relaywatch.bench.latency;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code relaywatch all} as a child process, as a user runs it on a single host: the embedded
 * broker, the shipper, the Streams topology and the alert service in one JVM, on ports of 127.0.0.1
 * chosen here. Its output goes to a file.
 */
final class PipelineProcess implements AutoCloseable {
  private final Process process;
  private final int kafkaPort;
  private final int alertsPort;

  private PipelineProcess(Process process, int kafkaPort, int alertsPort) {
    this.process = process;
    this.kafkaPort = kafkaPort;
    this.alertsPort = alertsPort;
  }

  /**
   * Starts {@code relaywatch all} and waits until the alert service answers {@code /healthz} with
   * 200 (restored and caught up).
   */
  static PipelineProcess start(
      Path jar, List<String> javaOptions, Path mailLog, Path dataDir, Path config, Path output)
      throws IOException, InterruptedException {
    int kafkaPort = freePort();
    int alertsPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "all",
            "--log",
            mailLog.toString(),
            "--data-dir",
            dataDir.toString(),
            "--config",
            config.toString(),
            "--kafka-port",
            Integer.toString(kafkaPort),
            "--ship-port",
            Integer.toString(freePort()),
            "--streams-port",
            Integer.toString(freePort()),
            "--alerts-port",
            Integer.toString(alertsPort)));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    PipelineProcess pipeline = new PipelineProcess(process, kafkaPort, alertsPort);
    try {
      pipeline.awaitHealthy(Duration.ofMinutes(3), output);
    } catch (IOException | RuntimeException | InterruptedException e) {
      pipeline.close();
      throw e;
    }
    return pipeline;
  }

  String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  long pid() {
    return process.pid();
  }

  private void awaitHealthy(Duration timeout, Path output)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alertsPort + "/healthz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "relaywatch all exited with code " + process.exitValue() + "; see " + output);
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // the alert service opens its port only after the broker and the topology are up
      }
      process.waitFor(500, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException(
        "relaywatch all not healthy after " + timeout.toSeconds() + " s; see " + output);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** SIGTERM (the CLI's orderly stop), then SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
