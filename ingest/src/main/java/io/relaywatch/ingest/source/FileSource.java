package io.relaywatch.ingest.source;

import io.relaywatch.ingest.tail.FileTailer;
import io.relaywatch.ingest.tail.Fingerprint;
import io.relaywatch.ingest.tail.TailedLine;
import io.relaywatch.ingest.tail.TailerCheckpoint;
import io.relaywatch.ingest.tail.TailerOptions;
import io.relaywatch.ingest.tail.TailerStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A log file and its rotated {@code .1}, read by a {@link FileTailer}. */
public final class FileSource implements LineSource {
  private final String name;
  private static final int FILE_ID_DIGITS = 16;

  private final FileTailer tailer;
  // The file id of the last fingerprint seen: lines come in runs from one file.
  private Fingerprint fileIdOf;
  private byte[] fileId;

  private FileSource(String name, FileTailer tailer) {
    this.name = name;
    this.tailer = tailer;
  }

  /** Opens the file, continuing from {@code checkpoint} when there is one. */
  public static FileSource open(Path path, byte[] checkpoint, TailerOptions options) {
    FileTailer tailer =
        checkpoint == null
            ? FileTailer.open(path, options)
            : FileTailer.resume(path, TailerCheckpoint.fromBytes(checkpoint), options);
    return new FileSource(nameOf(path), tailer);
  }

  public static String nameOf(Path path) {
    return "file:" + path;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<SourceLine> poll() throws IOException {
    List<TailedLine> lines = tailer.poll();
    List<SourceLine> out = new ArrayList<>(lines.size());
    for (TailedLine line : lines) {
      out.add(new SourceLine(line.bytes(), eventId(line), line.cut()));
    }
    return out;
  }

  /** {@code <file id>:<offset>} in ASCII, without a String per line. */
  private byte[] eventId(TailedLine line) {
    if (!line.source().equals(fileIdOf)) {
      fileIdOf = line.source();
      fileId =
          line.source().sha256().substring(0, FILE_ID_DIGITS).getBytes(StandardCharsets.US_ASCII);
    }
    long offset = line.offset();
    int digits = 1;
    for (long rest = offset / 10; rest > 0; rest /= 10) {
      digits++;
    }
    byte[] id = Arrays.copyOf(fileId, FILE_ID_DIGITS + 1 + digits);
    id[FILE_ID_DIGITS] = ':';
    for (int i = id.length - 1; i > FILE_ID_DIGITS; i--, offset /= 10) {
      id[i] = (byte) ('0' + offset % 10);
    }
    return id;
  }

  @Override
  public byte[] checkpoint() {
    return tailer.checkpoint().toBytes();
  }

  @Override
  public SourceStats stats() {
    TailerStats s = tailer.stats();
    return new SourceStats(
        s.rotations(), s.truncations(), s.oversizeLines(), lagBytes(), s.lostSources());
  }

  private long lagBytes() {
    var sources = tailer.checkpoint().sources();
    if (sources.isEmpty()) {
      return 0;
    }
    try {
      long size = Files.size(tailer.path());
      return Math.max(0, size - sources.get(sources.size() - 1).offset());
    } catch (IOException e) {
      return 0; // between rotation and re-creation the path may be missing
    }
  }

  @Override
  public void close() throws IOException {
    tailer.close();
  }
}
