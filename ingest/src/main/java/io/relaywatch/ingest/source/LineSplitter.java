package io.relaywatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream at {@code \n}, cutting lines longer than the limit; bytes are kept as read.
 */
final class LineSplitter {
  interface LineConsumer {
    void accept(byte[] line, boolean cut);
  }

  private LineSplitter() {}

  static void split(InputStream in, int maxLineBytes, LineConsumer out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    byte[] line = new byte[Math.min(maxLineBytes, 64 * 1024)];
    int length = 0;
    boolean cut = false;
    int n;
    while ((n = in.read(buffer)) > 0) {
      for (int i = 0; i < n; i++) {
        byte b = buffer[i];
        if (b == '\n') {
          out.accept(Arrays.copyOf(line, length), cut);
          length = 0;
          cut = false;
        } else if (length < maxLineBytes) {
          if (length == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
          }
          line[length++] = b;
        } else {
          cut = true; // the rest of an oversize line is skipped up to its newline
        }
      }
    }
    if (length > 0 || cut) {
      out.accept(Arrays.copyOf(line, length), cut);
    }
  }
}
