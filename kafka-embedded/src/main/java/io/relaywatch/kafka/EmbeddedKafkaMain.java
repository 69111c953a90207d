package io.relaywatch.kafka;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Runs an {@link EmbeddedKafka} in the foreground of its own JVM, so that a test can stop it with
 * SIGTERM, kill it with SIGKILL and start it again on the same data:
 *
 * <pre>java io.relaywatch.kafka.EmbeddedKafkaMain --data-dir DIR [--port PORT]</pre>
 *
 * <p>Once clients can connect it prints exactly one line to standard output, {@value #READY}
 * followed by {@code 127.0.0.1:PORT}. Exit codes: 0 after a clean stop, 1 when the data directory
 * is unusable, 2 for a usage error.
 */
public final class EmbeddedKafkaMain {
  /** The start of the line printed when the broker accepts clients. */
  public static final String READY = "relaywatch kafka: listening on ";

  private EmbeddedKafkaMain() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Starts the broker and blocks until the JVM is asked to stop; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path dataDir = null;
    int port = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
          case "--port" -> port = port(value(args, ++i, "--port"));
          default -> throw new IllegalArgumentException("unknown option: " + args[i]);
        }
      }
      if (dataDir == null) {
        throw new IllegalArgumentException("missing option: --data-dir DIR");
      }
    } catch (IllegalArgumentException e) {
      err.println("relaywatch kafka: " + e.getMessage());
      err.println("usage: EmbeddedKafkaMain --data-dir DIR [--port PORT]");
      return 2;
    }
    return serve(new EmbeddedKafka(dataDir, port), out, err);
  }

  private static int serve(EmbeddedKafka kafka, PrintStream out, PrintStream err) {
    try {
      kafka.start();
    } catch (DataDirectoryException e) {
      err.println("relaywatch kafka: invalid --data-dir " + e.getMessage());
      return 1;
    }
    kafka.closeAtJvmExit();
    out.println(READY + kafka.bootstrapServers());
    out.flush();
    try {
      kafka.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("missing value for option " + option);
    }
    return args[i];
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value the user gave
    }
    throw new IllegalArgumentException(
        "invalid value for option --port: " + text + " (expected 0 to 65535)");
  }
}
