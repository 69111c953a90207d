package io.relaywatch.bench.soak;

import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline under test, every part its own process on loopback: {@code relaywatch kafka},
 * Alertmanager, {@code relaywatch ship}, {@code streams} and {@code alerts}, started from the real
 * CLI jar. Applies the faults and restarts a role that exited on its own (counted in the timeline:
 * the soak tolerates it, the report shows it).
 */
final class Pipeline implements AutoCloseable {
  static final String BROKER = "kafka";
  static final String ALERTMANAGER = "alertmanager";
  static final List<String> KILLED = List.of("ship", "streams", "alerts");
  static final List<String> RESTARTED = List.of(BROKER, ALERTMANAGER);
  private static final String READY = "relaywatch kafka: listening on ";
  private static final Duration START_LIMIT = Duration.ofSeconds(120);

  private final SoakOptions options;
  private final Path work;
  private final FaultTimeline timeline;
  private final Map<String, ChildRole> roles = new ConcurrentHashMap<>();
  private final int kafkaPort = freePort();
  private final int alertmanagerPort = freePort();
  private final HttpClient http = HttpClient.newHttpClient();

  Pipeline(SoakOptions options, Path work, FaultTimeline timeline) {
    this.options = options;
    this.work = work;
    this.timeline = timeline;
    // A harness stopped by a signal must not leave a broker or a shipper running behind it.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> roles.values().forEach(ChildRole::killAtExit), "soak-children"));
  }

  String bootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  String alertmanagerUrl() {
    return "http://127.0.0.1:" + alertmanagerPort;
  }

  /** Alertmanager and the broker, each awaited until it answers. */
  void startBackends() throws IOException, InterruptedException {
    Path amDir = Files.createDirectories(work.resolve("alertmanager"));
    add(
        ALERTMANAGER,
        List.of(
            options.alertmanager().toString(),
            "--config.file=" + SoakFiles.alertmanager(work),
            "--storage.path=" + amDir,
            "--web.listen-address=127.0.0.1:" + alertmanagerPort,
            "--cluster.listen-address=",
            "--log.level=warn"));
    add(
        BROKER,
        java(
            "384m",
            "kafka",
            "--data-dir",
            work.resolve("kafka").toString(),
            "--port",
            Integer.toString(kafkaPort)));
    start(ALERTMANAGER, "started");
    start(BROKER, "started");
  }

  /** Ship, streams and alerts, all reading {@code config}. */
  void startRoles(Path config, Path mailLog) throws IOException {
    String cfg = config.toString();
    add(
        "streams",
        java(
            "256m",
            "streams",
            "--config",
            cfg,
            "--state-dir",
            dir("streams-state"),
            "--http-port",
            port()));
    add(
        "alerts",
        java(
            "256m",
            "alerts",
            "--config",
            cfg,
            "--state-dir",
            dir("alerts-state"),
            "--http-port",
            port()));
    add(
        "ship",
        java(
            "128m",
            "ship",
            "--config",
            cfg,
            "--file",
            mailLog.toString(),
            "--state-dir",
            dir("ship-state"),
            "--host",
            SoakTraffic.MAIL_HOST,
            "--metrics-port",
            port()));
    for (String role : KILLED) {
      roles.get(role).start("started");
    }
  }

  /**
   * Waits until lines have gone all the way through ship and streams (committed events exist) and
   * returns that moment.
   */
  Instant awaitFlowing() throws InterruptedException {
    if (!Deadline.await(START_LIMIT, Duration.ofSeconds(1), this::eventsCommitted)) {
      throw new IllegalStateException("no event came through within " + START_LIMIT);
    }
    timeline.record("pipeline", "flowing: lines shipped and parsed; faults from now on");
    return Instant.now();
  }

  private boolean eventsCommitted() {
    try (TopicTail<String, MailEvent> events = new TopicTail<>(bootstrap(), Topics.EVENTS)) {
      return events.exists() && events.committed() > 0;
    }
  }

  /** One fault of the plan. */
  void apply(FaultPlan.Fault fault) throws IOException, InterruptedException {
    ChildRole role = roles.get(fault.role());
    if (fault.kind() == FaultPlan.Kind.KILL) {
      role.kill();
      role.start("restarted after SIGKILL");
      return;
    }
    role.stop(30);
    // The outage itself: clients must ride out a broker or Alertmanager that is gone a while.
    Thread.sleep(fault.role().equals(BROKER) ? 5000 : 3000);
    start(fault.role(), "started again");
  }

  /** Restarts the roles that exited on their own; how many did. */
  int supervise() throws IOException {
    int restarted = 0;
    for (ChildRole role : roles.values()) {
      restarted += role.restartIfExited() ? 1 : 0;
    }
    return restarted;
  }

  private void start(String name, String why) throws IOException, InterruptedException {
    ChildRole role = roles.get(name);
    long from = Files.exists(role.logFile()) ? Files.size(role.logFile()) : 0;
    role.start(why);
    boolean up =
        Deadline.await(
            START_LIMIT,
            Duration.ofMillis(250),
            () -> name.equals(BROKER) ? logSays(role.logFile(), from, READY) : alertmanagerReady());
    if (!up) {
      throw new IllegalStateException(name + " did not come up within " + START_LIMIT);
    }
    timeline.record(name, "ready");
  }

  private static boolean logSays(Path log, long from, String text) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      return new String(bytes, (int) from, bytes.length - (int) from).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean alertmanagerReady() {
    try {
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create(alertmanagerUrl() + "/-/ready")).build();
      return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void add(String name, List<String> command) {
    roles.put(name, new ChildRole(name, command, work.resolve(name + ".log"), timeline));
  }

  private List<String> java(String heap, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms32m", "-Xmx" + heap, "-XX:+UseSerialGC", "-Xss512k"));
    command.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-jar"));
    command.add(options.jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  private String dir(String name) throws IOException {
    return Files.createDirectories(work.resolve(name)).toString();
  }

  private static String port() {
    return Integer.toString(freePort());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    List<String> order = new ArrayList<>(KILLED);
    order.addAll(RESTARTED);
    for (String name : order) {
      ChildRole role = roles.get(name);
      if (role != null) {
        role.stop(20);
      }
    }
  }
}
