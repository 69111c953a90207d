package io.relaywatch.kafka.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a broker's temporary data directory after the tests. */
final class Directories {
  private Directories() {}

  /** Deletes {@code dir} and everything below it; a leftover temp file is not worth a failure. */
  static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(Directories::deleteOne);
    } catch (IOException e) {
      // best effort: the directory is under the system's temp directory
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // best effort, as above
    }
  }
}
