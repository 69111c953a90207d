package io.relaywatch.alerts.notify;

import io.relaywatch.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receiver's outbox on disk: a directory with one small JSON file per alert key holding its
 * undelivered state, named by the SHA-256 of the key (keys hold log-derived subjects, never fit for
 * a file name). Each write goes to a temp file renamed over the old one atomically, so a crash
 * leaves either the old state or the new one, never a torn file.
 *
 * <p>Writes are not forced to disk: the outbox is there for process crashes and restarts, and an
 * fsync per state and receiver (8 ms each on a virtual disk) would hold up the alert service.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private static final String SUFFIX = ".json";

  private final Path dir;

  Outbox(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create outbox " + dir, e);
    }
  }

  Path dir() {
    return dir;
  }

  /** Every readable entry, oldest submission first. Leftover temp files are removed. */
  List<OutboxEntry> load() {
    List<OutboxEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX)) {
          read(file, entries);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read outbox " + dir, e);
    }
    entries.sort(Comparator.comparing(OutboxEntry::submittedAt));
    return entries;
  }

  private static void read(Path file, List<OutboxEntry> into) throws IOException {
    try {
      into.add(Json.mapper().readValue(file.toFile(), OutboxEntry.class));
    } catch (IOException | RuntimeException e) {
      // Kept aside, not deleted: a person may want to see what could not be read.
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      log.warn("outbox file {} is unreadable ({}); moved to {}", file, e.getMessage(), aside);
    }
  }

  void write(OutboxEntry entry) {
    Path target = file(entry.alert().key());
    Path temp = null;
    try {
      byte[] json = Json.mapper().writeValueAsBytes(entry);
      temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(json);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UncheckedIOException("cannot write outbox file " + target, e);
    }
  }

  void delete(String key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete outbox file " + file(key), e);
    }
  }

  Path file(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(digest) + SUFFIX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // the next load() removes leftover temp files
    }
  }
}
