package io.relaywatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real systemd-journald for tests: the one already serving {@code /run/systemd/journal}, or one
 * started here as a child process (it runs standalone as root, without systemd as PID 1). Entries
 * are written with {@code systemd-cat}, as a service's standard output would be.
 */
public final class JournaldProcess implements AutoCloseable {
  private static final Path JOURNALD = Path.of("/lib/systemd/systemd-journald");
  private static final Path STDOUT_SOCKET = Path.of("/run/systemd/journal/stdout");
  private static final Duration START = Duration.ofSeconds(20);

  private final Process started;
  private final Path log;

  private JournaldProcess(Process started, Path log) {
    this.started = started;
    this.log = log;
  }

  /** The running journald, or a new child; skips the test where neither is possible. */
  public static JournaldProcess ensureRunning() throws IOException {
    if (served()) {
      return new JournaldProcess(null, null);
    }
    assumeTrue(Files.isExecutable(JOURNALD), JOURNALD + " is not installed (Debian: systemd)");
    assumeTrue(isRoot(), "systemd-journald can only be started standalone as root");
    Path log = Files.createTempFile("relaywatch-journald", ".log");
    Process p =
        new ProcessBuilder(JOURNALD.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    await()
        .atMost(START)
        .failFast("systemd-journald exited: see " + log, () -> !p.isAlive())
        .until(JournaldProcess::served);
    return new JournaldProcess(p, log);
  }

  private static boolean served() {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(STDOUT_SOCKET));
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean isRoot() throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }

  /**
   * Writes each line as one entry with this identifier, in order, through one stream, and returns
   * once journalctl can read the last one (journald stores a stream's lines after systemd-cat has
   * exited).
   */
  public static void write(String identifier, List<byte[]> lines) throws IOException {
    send(identifier, lines);
    byte[] last = lines.get(lines.size() - 1);
    await()
        .atMost(START)
        .until(
            () -> {
              JsonNode entry = lastEntry(identifier);
              return entry != null
                  && Arrays.equals(last, JournalEntryFormat.value(entry, "MESSAGE"));
            });
  }

  private static void send(String identifier, List<byte[]> lines) throws IOException {
    Process cat =
        new ProcessBuilder("systemd-cat", "--identifier=" + identifier)
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = cat.getOutputStream()) {
      for (byte[] line : lines) {
        in.write(line);
        in.write('\n');
      }
    }
    String output = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(waitFor(cat)).as("systemd-cat: %s", output).isZero();
  }

  /** The cursor of the newest entry with this identifier, or null when there is none. */
  public static String lastCursor(String identifier) throws IOException {
    JsonNode entry = lastEntry(identifier);
    return entry == null ? null : JournalEntryFormat.cursor(entry);
  }

  private static JsonNode lastEntry(String identifier) throws IOException {
    Process p =
        new ProcessBuilder(
                "journalctl",
                "--identifier=" + identifier,
                "--output=json",
                "--lines=1",
                "--no-pager")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(waitFor(p)).as("journalctl --lines=1").isZero();
    return out.isEmpty() ? null : new ObjectMapper().readTree(out);
  }

  private static int waitFor(Process p) throws IOException {
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(p.info().command().orElse("child") + " did not exit");
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Stops journald if this fixture started it; its journal files stay for the next start. */
  @Override
  public void close() throws IOException {
    if (started != null) {
      started.destroy();
      waitFor(started);
      Files.deleteIfExists(log);
    }
  }
}
