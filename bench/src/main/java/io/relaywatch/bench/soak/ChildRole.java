package io.relaywatch.bench.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One role of the pipeline as a child process: started, SIGKILLed, stopped with SIGTERM and started
 * again with the same command line (so the same data, state and ports). Its standard output and
 * error are appended to one log file across restarts.
 */
final class ChildRole {
  private final String name;
  private final List<String> command;
  private final Path logFile;
  private final FaultTimeline timeline;
  private volatile Process process;
  private boolean wanted;

  ChildRole(String name, List<String> command, Path logFile, FaultTimeline timeline) {
    this.name = name;
    this.command = List.copyOf(command);
    this.logFile = logFile;
    this.timeline = timeline;
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  synchronized void start(String why) throws IOException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    wanted = true;
    timeline.record(name, why + " (pid " + process.pid() + ")");
  }

  /** SIGKILL, then waits for the process to be gone. */
  synchronized void kill() throws InterruptedException {
    timeline.record(name, "SIGKILL (pid " + process.pid() + ")");
    wanted = false;
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM and a clean stop; SIGKILL if it takes longer than {@code seconds}. */
  synchronized void stop(long seconds) throws InterruptedException {
    wanted = false;
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      timeline.record(name, "did not stop within " + seconds + " s: SIGKILL");
    }
    timeline.record(name, "stopped (exit " + process.exitValue() + ")");
  }

  /** Starts the role again if it should run but exited on its own; true if it did. */
  synchronized boolean restartIfExited() throws IOException {
    if (!wanted || process == null || process.isAlive()) {
      return false;
    }
    timeline.record(name, "exited on its own (exit " + process.exitValue() + ")");
    start("restarted after exiting");
    return true;
  }

  /** SIGKILL without waiting or recording: for a harness that is itself being stopped. */
  void killAtExit() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }
}
