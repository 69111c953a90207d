package io.relaywatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Start-up checks for directories a service writes to. */
final class Directories {
  private Directories() {}

  static Path ensureWritable(String key, String origin, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw ConfigException.invalid(key, origin, dir, "a directory, but it is a file");
    }
    try {
      Files.createDirectories(dir);
      // Files.isWritable is not enough: it says yes to root on a read-only mount.
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw ConfigException.invalid(
          key,
          origin,
          dir,
          "a writable directory (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    return dir;
  }
}
