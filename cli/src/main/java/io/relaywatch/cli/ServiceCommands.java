package io.relaywatch.cli;

import io.relaywatch.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the long-running commands ({@code ship}, {@code streams}) share: a settings error is a usage
 * error naming the key, {@code --check-config} stops after validation, and SIGTERM lets the service
 * finish its current work before the JVM exits.
 */
final class ServiceCommands {
  /** Work that blocks until the service is asked to stop. */
  interface Blocking {
    void run() throws Exception;
  }

  private ServiceCommands() {}

  /** The configuration, or null after printing why it is invalid. */
  static <C> C configure(CommandSpec spec, Supplier<C> build) {
    try {
      return build.get();
    } catch (ConfigException e) {
      error(spec, e.getMessage());
      return null;
    }
  }

  static int configurationIsValid(CommandSpec spec) {
    spec.commandLine().getOut().println(prefix(spec) + "configuration is valid");
    spec.commandLine().getOut().flush();
    return 0;
  }

  static void error(CommandSpec spec, String message) {
    spec.commandLine().getErr().println(prefix(spec) + message);
    spec.commandLine().getErr().flush();
  }

  /**
   * Runs {@code work} until it returns; on SIGTERM calls {@code stop} and holds the JVM's exit
   * until {@code work} has returned, so a transaction in flight is finished, not cut.
   */
  static void runUntilStopped(CommandSpec spec, Runnable stop, Blocking work) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopAndWait(stop, done), "relaywatch-" + spec.name() + "-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      work.run();
    } finally {
      done.countDown();
    }
  }

  private static void stopAndWait(Runnable stop, CountDownLatch done) {
    stop.run();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String prefix(CommandSpec spec) {
    return "relaywatch " + spec.name() + ": ";
  }
}
