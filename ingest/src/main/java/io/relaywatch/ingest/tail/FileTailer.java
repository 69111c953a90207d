package io.relaywatch.ingest.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Follows one log file and its rotated sibling {@code <path>.1} (logrotate with {@code
 * delaycompress}): each {@link #poll()} returns the complete lines written since the last poll, in
 * file order, each once.
 *
 * <p>A file is known by its {@link Fingerprint}; while it is open its file key (device and inode)
 * tells whether the path still names it, since an open file's inode cannot be reused. A file
 * renamed away is drained to its end before the new file at the path is read. Not thread-safe: one
 * shipper loop calls {@link #poll()} and {@link #checkpoint()}.
 */
public final class FileTailer implements AutoCloseable {
  private final Path path;
  private final Path rotatedPath;
  private final TailerOptions options;
  private final ByteBuffer buffer;
  private final Deque<TrackedFile> draining = new ArrayDeque<>();
  private final TailCounters counters = new TailCounters();
  private TrackedFile active;
  private TailerCheckpoint pendingResume;
  private SourcePosition finishedRotated;

  private FileTailer(Path path, TailerOptions options, TailerCheckpoint resumeFrom) {
    this.path = Objects.requireNonNull(path, "path");
    this.rotatedPath = path.resolveSibling(path.getFileName() + ".1");
    this.options = Objects.requireNonNull(options, "options");
    this.buffer = ByteBuffer.allocate(Math.max(64 * 1024, options.maxLineBytes() + 1));
    this.pendingResume = resumeFrom;
  }

  /**
   * A tailer with no history: reads the file at the path from its start, ignores {@code .1}. Its
   * checkpoint before the first poll already names {@code .1} as finished, so a restart from it
   * (the shipper killed before its first commit) still ignores that {@code .1} but drains the file
   * that was at the path if it has been rotated to {@code .1} since.
   */
  public static FileTailer open(Path path, TailerOptions options) {
    FileTailer tailer = new FileTailer(path, options, null);
    try {
      tailer.noteFinishedRotatedFile();
    } catch (IOException e) {
      // unreadable .1: the first poll notes it or fails on it, as before
    }
    return tailer;
  }

  /** A tailer that continues where the checkpoint was taken; files are looked up on first poll. */
  public static FileTailer resume(Path path, TailerCheckpoint checkpoint, TailerOptions options) {
    return new FileTailer(path, options, Objects.requireNonNull(checkpoint, "checkpoint"));
  }

  /** Reads the complete new lines: first the rest of rotated files, then the current file. */
  public List<TailedLine> poll() throws IOException {
    if (pendingResume != null) {
      resumeFromCheckpoint();
    }
    followPath();
    List<TailedLine> out = new ArrayList<>();
    try {
      long read = drainRotated(out, options.maxBytesPerPoll());
      if (draining.isEmpty() && active != null && read < options.maxBytesPerPoll()) {
        active.readLines(buffer, options.maxBytesPerPoll() - read, out);
      }
      noteFinishedRotatedFile();
    } catch (IOException e) {
      // positions already moved past these lines: hand them over, the error comes back next poll
      if (out.isEmpty()) {
        throw e;
      }
    }
    out.forEach(counters::delivered);
    return out;
  }

  /** The position after the last line returned by {@link #poll()}. */
  public TailerCheckpoint checkpoint() {
    if (pendingResume != null) {
      return pendingResume;
    }
    List<SourcePosition> sources = new ArrayList<>();
    draining.forEach(file -> sources.add(file.checkpoint()));
    if (active != null) {
      sources.add(active.checkpoint());
    }
    return new TailerCheckpoint(sources, finishedRotated);
  }

  /** Counters since this tailer was created. */
  public TailerStats stats() {
    return counters.snapshot();
  }

  /** The watched path. */
  public Path path() {
    return path;
  }

  /**
   * Remembers the file at {@code .1} when nothing of it is pending, so a restart does not take it
   * for a file written while the shipper was down.
   */
  private void noteFinishedRotatedFile() throws IOException {
    String key = TrackedFile.fileKey(rotatedPath);
    if (key != null && !isDraining(key)) {
      finishedRotated = TrackedFile.describe(rotatedPath, options, finishedRotated);
    }
  }

  private void resumeFromCheckpoint() throws IOException {
    CheckpointResolver.Resolved resolved =
        CheckpointResolver.resolve(path, rotatedPath, pendingResume, options);
    draining.addAll(resolved.draining());
    active = resolved.active();
    counters.lostSources += resolved.lostSources();
    finishedRotated = pendingResume.finishedRotated();
    pendingResume = null;
  }

  /** Notices a truncated file, a new file at the path (rotation), or a vanished one. */
  private void followPath() throws IOException {
    // checked before the rename test: a file truncated and then rotated away before this poll
    // must still be read again from its start
    if (active != null && !active.stillSameContent()) {
      truncated();
    }
    String key = TrackedFile.fileKey(path);
    if (active == null) {
      active = key == null ? null : TrackedFile.open(path, options);
    } else if (key == null) {
      retireActive();
    } else if (!key.equals(active.fileKey())) {
      retireActive();
      active = TrackedFile.open(path, options);
    } else {
      active.upgradeFingerprint();
    }
  }

  private void retireActive() throws IOException {
    if (active.fileKey().equals(TrackedFile.fileKey(rotatedPath))) {
      counters.rotations++;
    } else {
      counters.deletedFiles++;
    }
    draining.addLast(active);
    active = null;
  }

  /**
   * Copytruncate: when {@code .1} is the copy of what we were reading, its unread rest is drained
   * first, which leaves only the lines written between the copy and the truncation lost.
   */
  private void truncated() throws IOException {
    counters.truncations++;
    TrackedFile copy = TrackedFile.open(rotatedPath, options);
    if (copy != null
        && !copy.fileKey().equals(active.fileKey())
        && !isDraining(copy.fileKey())
        && copy.startsLike(active.fingerprint())
        && copy.size() >= active.position()) {
      copy.resumeAt(active.checkpoint());
      draining.addLast(copy);
    } else if (copy != null) {
      copy.close();
    }
    active.restartFromBeginning();
  }

  private boolean isDraining(String fileKey) {
    return draining.stream().anyMatch(file -> file.fileKey().equals(fileKey));
  }

  /** Reads rotated files to their end and lets each go once nothing more can arrive in it. */
  private long drainRotated(List<TailedLine> out, long budget) throws IOException {
    long read = 0;
    while (!draining.isEmpty() && read < budget) {
      TrackedFile file = draining.peekFirst();
      file.upgradeFingerprint();
      // Checked before reading: once the new file has bytes the writer has reopened, so a read to
      // the end after this point sees the last byte it ever wrote to the old file.
      boolean writerMovedOn = active != null && active.size() > 0;
      read += file.readLines(buffer, budget - read, out);
      if (!file.atEof()) {
        break;
      }
      if (file.hasPartialLine()) {
        if (!file.partialLineTimedOut()) {
          break;
        }
        file.flushPartial(buffer, out);
      }
      if (!writerMovedOn && file.fileKey().equals(TrackedFile.fileKey(rotatedPath))) {
        break;
      }
      draining.removeFirst().close();
    }
    return read;
  }

  /** Releases every open file. */
  @Override
  public void close() throws IOException {
    for (TrackedFile file : draining) {
      file.close();
    }
    draining.clear();
    if (active != null) {
      active.close();
      active = null;
    }
  }
}
