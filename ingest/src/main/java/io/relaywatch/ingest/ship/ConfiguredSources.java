package io.relaywatch.ingest.ship;

import io.relaywatch.ingest.source.FileSource;
import io.relaywatch.ingest.source.JournaldSource;
import io.relaywatch.ingest.source.LineSource;
import io.relaywatch.ingest.source.StdinSource;
import io.relaywatch.ingest.tail.CompressedCatchUp;
import io.relaywatch.ingest.tail.TailerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sources of a {@link ShipConfig}: journald and every file (globs expanded each time sources
 * are opened, rotated names excluded), or standard input. Journald and file sources are reopened
 * from the committed cursor and positions; standard input cannot be reopened and keeps its one
 * instance.
 */
public final class ConfiguredSources implements Shipper.SourceFactory {
  /**
   * Most bytes one poll of a source reads. A transaction takes several polls (up to {@code
   * ship.batchBytes}), and each poll's lines are garbage once sent, so this, not the transaction,
   * sets how many lines the heap holds at a time.
   */
  static final int POLL_BYTES = 512 * 1024;

  private final ShipConfig config;
  private final TailerOptions tailerOptions;
  private final InputStream stdin;
  private final List<LineSource> open = new ArrayList<>();
  private StdinSource stdinSource;

  public ConfiguredSources(ShipConfig config, InputStream stdin) {
    this.config = config;
    this.stdin = stdin;
    this.tailerOptions =
        TailerOptions.defaults()
            .withMaxLineBytes(config.maxLineBytes())
            .withMaxBytesPerPoll(pollBytes(config))
            .withPartialLineTimeout(config.partialLineTimeout())
            .withCompressedCatchUp(compressedCatchUp(config));
  }

  /** Unpacked copies go to the state directory, which is ours and on persistent disk. */
  private static CompressedCatchUp compressedCatchUp(ShipConfig config) {
    return config.compressedGenerations() == 0
        ? CompressedCatchUp.OFF
        : new CompressedCatchUp(
            config.compressedGenerations(), config.stateDir().resolve("unpacked"));
  }

  @Override
  public List<LineSource> open(Map<String, String> committed) throws IOException {
    closeFiles();
    if (config.stdin()) {
      if (stdinSource == null) {
        stdinSource = new StdinSource(stdin, config.maxLineBytes(), pollBytes(config));
      }
      return List.of(stdinSource);
    }
    if (config.journald()) {
      open.add(JournaldSource.open(journaldOptions(), committedState(committed, journaldName())));
    }
    for (Path path : expand(config.files())) {
      open.add(
          FileSource.open(path, committedState(committed, FileSource.nameOf(path)), tailerOptions));
    }
    return List.copyOf(open);
  }

  private static int pollBytes(ShipConfig config) {
    return Math.min(config.batchBytes(), POLL_BYTES);
  }

  private static byte[] committedState(Map<String, String> committed, String source) {
    String state = committed.get(source);
    return state == null ? null : state.getBytes(StandardCharsets.UTF_8);
  }

  private String journaldName() {
    return JournaldSource.nameOf(config.journaldUnits(), config.journaldIdentifiers());
  }

  private JournaldSource.Options journaldOptions() {
    return new JournaldSource.Options(
        config.journalctl(),
        config.journaldUnits(),
        config.journaldIdentifiers(),
        config.journaldSeek(),
        config.maxLineBytes(),
        10_000,
        pollBytes(config),
        ZoneId.systemDefault());
  }

  /** Paths as configured, with globs in the file name expanded; rotated siblings are left out. */
  static List<Path> expand(List<Path> configured) throws IOException {
    TreeSet<Path> paths = new TreeSet<>();
    for (Path p : configured) {
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
        paths.add(p);
        continue;
      }
      Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, name)) {
        for (Path match : matches) {
          if (Files.isRegularFile(match) && !isRotated(match.getFileName().toString())) {
            paths.add(match);
          }
        }
      }
    }
    return List.copyOf(paths);
  }

  private static boolean isRotated(String name) {
    return name.matches(".*\\.[0-9]+(\\.gz)?") || name.endsWith(".gz");
  }

  private void closeFiles() throws IOException {
    for (LineSource source : open) {
      source.close();
    }
    open.clear();
  }

  @Override
  public void closeAll() {
    try {
      closeFiles();
    } catch (IOException e) {
      // closing read-only files: nothing to recover
    }
    if (stdinSource != null) {
      stdinSource.close();
    }
  }
}
