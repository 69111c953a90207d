package io.relaywatch.alerts.notify;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) run as a child process on
 * loopback, with clustering off and its config and storage in a temp directory.
 */
final class AlertmanagerProcess implements AutoCloseable {
  static final Path BINARY =
      Path.of(System.getProperty("relaywatch.alertmanager", "/usr/bin/prometheus-alertmanager"));

  // Alerts only need to be stored and listed; no notification leaves Alertmanager.
  private static final String CONFIG =
      """
      route:
        receiver: blackhole
        group_wait: 1s
      receivers:
        - name: blackhole
      """;

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  private AlertmanagerProcess(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  static AlertmanagerProcess start(Path dir, int port) {
    try {
      Files.createDirectories(dir.resolve("data"));
      Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
      Path log = dir.resolve("alertmanager.log");
      Process p =
          new ProcessBuilder(
                  List.of(
                      BINARY.toString(),
                      "--config.file=" + config,
                      "--storage.path=" + dir.resolve("data"),
                      "--web.listen-address=127.0.0.1:" + port,
                      "--cluster.listen-address=",
                      "--log.level=warn"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      AlertmanagerProcess am =
          new AlertmanagerProcess(p, log, URI.create("http://127.0.0.1:" + port));
      am.awaitReady();
      return am;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    await("Alertmanager ready")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("alertmanager exited:\n" + Files.readString(log));
              }
              return get("/-/ready").statusCode() == 200;
            });
  }

  URI base() {
    return base;
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
