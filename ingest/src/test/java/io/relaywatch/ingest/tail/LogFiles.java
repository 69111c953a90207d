package io.relaywatch.ingest.tail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** What a syslog daemon and logrotate do to a log file, for tests. */
final class LogFiles {
  private LogFiles() {}

  static void append(Path path, byte[] bytes) throws IOException {
    Files.write(path, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static void append(Path path, String text) throws IOException {
    append(path, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path rotated(Path path) {
    return path.resolveSibling(path.getFileName() + ".1");
  }

  /** logrotate {@code create}: rename to {@code .1} (replacing it), create an empty file. */
  static void rotate(Path path) throws IOException {
    Files.move(path, rotated(path), StandardCopyOption.REPLACE_EXISTING);
    Files.createFile(path);
  }

  /** logrotate {@code copytruncate}: copy to {@code .1}, then truncate in place. */
  static void copyTruncate(Path path) throws IOException {
    Files.copy(path, rotated(path), StandardCopyOption.REPLACE_EXISTING);
    truncate(path);
  }

  /** logrotate {@code compress}: gzip the file to {@code <file>.gz} and remove it. */
  static void compress(Path file, Path compressed) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
      Files.copy(file, out);
    }
    Files.delete(file);
  }

  /**
   * One logrotate run with {@code create}, {@code compress}, {@code delaycompress} and {@code
   * rotate generations}: {@code .N.gz} moves to {@code .N+1.gz} (the oldest is deleted), {@code .1}
   * is compressed to {@code .2.gz}, the file becomes {@code .1}, a new empty file takes its place.
   */
  static void rotateDelayCompress(Path path, int generations) throws IOException {
    Files.deleteIfExists(generation(path, generations));
    for (int n = generations - 1; n >= 2; n--) {
      if (Files.exists(generation(path, n))) {
        Files.move(generation(path, n), generation(path, n + 1));
      }
    }
    if (Files.exists(rotated(path))) {
      compress(rotated(path), generation(path, 2));
    }
    rotate(path);
  }

  static Path generation(Path path, int n) {
    return path.resolveSibling(path.getFileName() + "." + n + ".gz");
  }

  static void truncate(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
  }

  static List<String> texts(List<TailedLine> lines) {
    return lines.stream().map(TailedLine::text).toList();
  }
}
