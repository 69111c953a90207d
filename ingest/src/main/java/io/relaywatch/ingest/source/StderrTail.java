package io.relaywatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child's standard error so it never blocks on a full pipe, keeping the last bytes to
 * explain why the child exited.
 */
final class StderrTail {
  private static final int KEEP = 512;

  private final byte[] tail = new byte[KEEP];
  private int length;

  private StderrTail() {}

  static StderrTail start(InputStream err, String threadName) {
    StderrTail t = new StderrTail();
    Thread thread = new Thread(() -> t.drain(err), threadName);
    thread.setDaemon(true);
    thread.start();
    return t;
  }

  private void drain(InputStream err) {
    byte[] buffer = new byte[4096];
    try (err) {
      int n;
      while ((n = err.read(buffer)) > 0) {
        append(buffer, n);
      }
    } catch (IOException e) {
      // the child is gone; what was kept explains it
    }
  }

  private synchronized void append(byte[] buffer, int n) {
    int take = Math.min(n, KEEP);
    int keep = Math.min(length, KEEP - take);
    System.arraycopy(tail, length - keep, tail, 0, keep);
    System.arraycopy(buffer, n - take, tail, keep, take);
    length = keep + take;
  }

  /** The last bytes written, on one line, with control characters replaced. */
  synchronized String text() {
    String s = new String(tail, 0, length, StandardCharsets.UTF_8).strip();
    return s.replaceAll("\\p{Cntrl}+", " ");
  }
}
