package io.relaywatch.ingest.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * One open log file and the position of its next undelivered line.
 *
 * <p>The whole reading state is {@code (position, skipping)}, the same pair a checkpoint stores: a
 * partial last line is not buffered but read again from its start on the next poll. That costs a
 * re-read of at most one line and keeps a restart identical to carrying on.
 */
final class TrackedFile implements AutoCloseable {
  private final FileChannel channel;
  private final String fileKey;
  private final TailerOptions options;
  private Fingerprint fingerprint;
  private long position;
  private boolean skipping;
  private long scanned;
  private long lastGrowthMillis;
  private boolean atEof;

  private TrackedFile(FileChannel channel, String fileKey, TailerOptions options) {
    this.channel = channel;
    this.fileKey = fileKey;
    this.options = options;
    this.lastGrowthMillis = options.clock().millis();
  }

  /** Opens a file to read from its start; null when it does not exist (any more). */
  static TrackedFile open(Path path, TailerOptions options) throws IOException {
    String key = fileKey(path);
    if (key == null) {
      return null;
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
    TrackedFile file = new TrackedFile(channel, key, options);
    file.fingerprint = Fingerprint.of(channel, options.fingerprintBytes());
    return file;
  }

  /** The file system's key (device and inode on Linux) of a path, or null when it is missing. */
  static String fileKey(Path path) throws IOException {
    try {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      return key == null ? "" : key.toString();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * The whole of a non-empty file as a position at its end, or null when it is empty or missing;
   * {@code known} is returned as it is when it already describes the same file at the same size.
   */
  static SourcePosition describe(Path path, TailerOptions options, SourcePosition known)
      throws IOException {
    try (TrackedFile file = open(path, options)) {
      if (file == null || file.size() == 0) {
        return null;
      }
      if (known != null
          && known.fileKey().equals(file.fileKey)
          && known.offset() == file.size()
          && known.fingerprint().equals(file.fingerprint)) {
        return known;
      }
      return new SourcePosition(file.fingerprint, file.size(), false, file.fileKey);
    }
  }

  /** Whether this is the file a position was taken in, by file key and head. */
  boolean isFile(SourcePosition position) throws IOException {
    return position != null
        && fileKey.equals(position.fileKey())
        && startsLike(position.fingerprint());
  }

  /** Continues at a checkpointed position instead of the start. */
  void resumeAt(SourcePosition source) {
    this.position = source.offset();
    this.skipping = source.skipping();
    this.scanned = source.offset();
    this.atEof = false;
  }

  /** Starts over at byte 0 with a new fingerprint, after a truncation. */
  void restartFromBeginning() throws IOException {
    position = 0;
    skipping = false;
    scanned = 0;
    atEof = false;
    fingerprint = Fingerprint.of(channel, options.fingerprintBytes());
  }

  /** False when the file now holds other bytes than before: shorter than read, or a new head. */
  boolean stillSameContent() throws IOException {
    return channel.size() >= position && fingerprint.matches(channel);
  }

  /** Replaces a provisional fingerprint by a longer one once the file has grown. */
  void upgradeFingerprint() throws IOException {
    if (fingerprint.isProvisional(options.fingerprintBytes())
        && channel.size() > fingerprint.length()) {
      fingerprint = Fingerprint.of(channel, options.fingerprintBytes());
    }
  }

  /**
   * Reads complete lines from the position on, until end of file or until {@code budget} bytes were
   * read. Returns the number of bytes read.
   */
  long readLines(ByteBuffer buffer, long budget, List<TailedLine> out) throws IOException {
    long read = 0;
    atEof = false;
    while (read < budget) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n <= 0) {
        atEof = true;
        break;
      }
      read += n;
      noteGrowth(position + n);
      if (position + n > fingerprint.length()) {
        // lines carry the identity, so it must cover the bytes read whenever it still can
        upgradeFingerprint();
      }
      if (skipping) {
        skipToNewline(buffer, n);
      } else if (splitLines(buffer, n, out) && n < buffer.capacity()) {
        atEof = true;
        break;
      }
    }
    return read;
  }

  private void skipToNewline(ByteBuffer buffer, int n) {
    int newline = indexOfNewline(buffer, 0, n);
    if (newline < 0) {
      position += n;
    } else {
      position += newline + 1;
      skipping = false;
    }
  }

  /**
   * Emits the complete lines in the buffer; returns true when only a short partial line is left.
   */
  private boolean splitLines(ByteBuffer buffer, int n, List<TailedLine> out) {
    int start = 0;
    int newline;
    while ((newline = indexOfNewline(buffer, start, n)) >= 0) {
      int length = newline - start;
      emit(
          buffer,
          start,
          Math.min(length, options.maxLineBytes()),
          length > options.maxLineBytes(),
          out);
      position += length + 1;
      start = newline + 1;
    }
    int rest = n - start;
    if (rest > options.maxLineBytes()) {
      // cut now rather than wait for the newline, so memory stays bounded and the file never stalls
      emit(buffer, start, options.maxLineBytes(), true, out);
      position += rest;
      skipping = true;
      return false;
    }
    return true;
  }

  private void emit(ByteBuffer buffer, int from, int length, boolean cut, List<TailedLine> out) {
    byte[] bytes = new byte[length];
    buffer.get(from, bytes);
    out.add(new TailedLine(bytes, fingerprint, position, cut, false));
  }

  /** Delivers the unterminated rest of the file as one line. */
  void flushPartial(ByteBuffer buffer, List<TailedLine> out) throws IOException {
    int length = (int) (scanned - position);
    buffer.clear().limit(length);
    while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
      // positional reads until the partial line is in the buffer
    }
    byte[] bytes = new byte[buffer.position()];
    buffer.get(0, bytes);
    out.add(new TailedLine(bytes, fingerprint, position, false, true));
    position += bytes.length;
  }

  private void noteGrowth(long end) {
    if (end > scanned) {
      scanned = end;
      lastGrowthMillis = options.clock().millis();
    }
  }

  private static int indexOfNewline(ByteBuffer buffer, int from, int to) {
    byte[] bytes = buffer.array();
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  boolean atEof() {
    return atEof;
  }

  boolean hasPartialLine() {
    return !skipping && scanned > position;
  }

  /** Whether the partial last line has not grown for the configured timeout. */
  boolean partialLineTimedOut() {
    long idle = options.clock().millis() - lastGrowthMillis;
    return idle >= options.partialLineTimeout().toMillis();
  }

  /** Whether this file starts with the bytes a fingerprint was taken from. */
  boolean startsLike(Fingerprint other) throws IOException {
    return other.matches(channel);
  }

  long size() throws IOException {
    return channel.size();
  }

  long position() {
    return position;
  }

  String fileKey() {
    return fileKey;
  }

  Fingerprint fingerprint() {
    return fingerprint;
  }

  SourcePosition checkpoint() {
    return new SourcePosition(fingerprint, position, skipping, fileKey);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
