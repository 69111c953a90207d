package io.relaywatch.ingest.tail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

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

  static void truncate(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      channel.truncate(0);
    }
  }

  static List<String> texts(List<TailedLine> lines) {
    return lines.stream().map(TailedLine::text).toList();
  }
}
