package io.relaywatch.ingest.tail;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The gzip-compressed generations of a log file ({@code <path>.1.gz}, {@code <path>.2.gz}, ... as
 * logrotate's {@code compress} leaves them), and how one is unpacked to be read like any file.
 */
final class CompressedGenerations {
  private static final int BUFFER = 64 * 1024;

  /** One compressed file and the first bytes of its content, to match fingerprints against. */
  record Generation(Path path, byte[] head) {}

  private CompressedGenerations() {}

  /**
   * The existing generations up to {@code count}, oldest (highest number) first. A file that is not
   * gzip, or too damaged to show its head, is left out: it cannot be matched to a checkpoint.
   */
  static List<Generation> list(Path path, int count, int headBytes) throws IOException {
    List<Generation> generations = new ArrayList<>();
    for (int n = count; n >= 1; n--) {
      Path compressed = path.resolveSibling(path.getFileName() + "." + n + ".gz");
      byte[] head = head(compressed, headBytes);
      if (head != null) {
        generations.add(new Generation(compressed, head));
      }
    }
    return generations;
  }

  private static byte[] head(Path compressed, int headBytes) throws IOException {
    return unpacked(compressed, in -> in.readNBytes(headBytes));
  }

  /**
   * Unpacks the generation into a file of {@code scratchDir} and opens it. The unpacked copy is
   * unlinked as soon as it is open: it lives as long as the returned file and never outlives the
   * process. Null when the generation vanished or cannot be unpacked to its end.
   */
  static TrackedFile unpack(Generation generation, Path scratchDir, TailerOptions options)
      throws IOException {
    Files.createDirectories(scratchDir);
    Path copy = Files.createTempFile(scratchDir, "unpacked-", ".log");
    try {
      Long copied =
          unpacked(
              generation.path(), in -> Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING));
      return copied == null ? null : TrackedFile.open(copy, options);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** Reads from a generation's unpacked content. */
  private interface Reading<T> {
    T from(InputStream unpacked) throws IOException;
  }

  /**
   * What {@code reading} returns, or null when the generation is gone, is not gzip or is cut short:
   * it cannot be read in order, which is not an outage. Other I/O errors are thrown.
   */
  private static <T> T unpacked(Path compressed, Reading<T> reading) throws IOException {
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(compressed), BUFFER))) {
      return reading.from(in);
    } catch (NoSuchFileException | ZipException | EOFException e) {
      return null;
    }
  }
}
