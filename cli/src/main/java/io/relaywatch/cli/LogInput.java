package io.relaywatch.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * One named input, a file or {@code -} for standard input, opened plain or gunzipped by its magic
 * bytes (a rotated {@code mail.log.2.gz} may have lost its extension, or kept one it should not).
 */
final class LogInput {
  static final String STDIN = "-";
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private final String name;
  private final Supplier<InputStream> stdin;
  private long bytesRead;

  private LogInput(String name, Supplier<InputStream> stdin) {
    this.name = name;
    this.stdin = stdin;
  }

  /**
   * An input checked to be readable now, so that a typo in the third file name fails before the
   * first file is processed.
   */
  static LogInput check(String name, Supplier<InputStream> stdin) throws InputException {
    if (!name.equals(STDIN)) {
      Path path = Path.of(name);
      if (!Files.exists(path)) {
        throw new InputException(name, "No such file or directory");
      }
      if (Files.isDirectory(path)) {
        throw new InputException(name, "Is a directory");
      }
      if (!Files.isReadable(path)) {
        throw new InputException(name, "Permission denied");
      }
    }
    return new LogInput(name, stdin);
  }

  String name() {
    return name;
  }

  boolean isStdin() {
    return name.equals(STDIN);
  }

  /** The size in bytes as stored (compressed for gzip), or 0 when unknown. */
  long size() {
    try {
      return isStdin() ? 0 : Files.size(Path.of(name));
    } catch (IOException e) {
      return 0;
    }
  }

  /** The file's modification time: what the year of a year-less syslog date is inferred from. */
  Instant modified() throws InputException {
    try {
      return Files.getLastModifiedTime(Path.of(name)).toInstant();
    } catch (IOException e) {
      throw InputException.of(name, e);
    }
  }

  /** Bytes read so far, as stored. */
  long bytesRead() {
    return bytesRead;
  }

  /** The decompressed content. Closing it does not close standard input. */
  InputStream open() throws InputException {
    try {
      InputStream raw =
          isStdin() ? new Unclosable(stdin.get()) : Files.newInputStream(Path.of(name));
      BufferedInputStream buffered = new BufferedInputStream(new Counting(raw), 64 * 1024);
      return isGzip(buffered) ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
    } catch (IOException e) {
      throw InputException.of(name, e);
    }
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
  }

  private final class Counting extends FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytesRead++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        bytesRead += n;
      }
      return n;
    }
  }

  private static final class Unclosable extends FilterInputStream {
    Unclosable(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
