package io.relaywatch.ingest.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The hand-off between a source's reader thread and the shipping loop. Bounded, so that a slow
 * Kafka slows the reader (and the writer behind it) instead of growing memory: with lines of up to
 * 64 KiB, {@link #CAPACITY} queued lines stay within 64 MiB.
 */
final class LineQueue {
  static final int CAPACITY = 1_024;
  private static final SourceLine END = new SourceLine(new byte[0], null, false);

  private final BlockingQueue<SourceLine> queue = new ArrayBlockingQueue<>(CAPACITY);
  private boolean ended;

  /** Blocks while the queue is full; returns early, dropping nothing queued, if interrupted. */
  void put(SourceLine line) {
    try {
      queue.put(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Called once by the reader when its input has ended, for whatever reason. */
  void end() {
    put(END);
  }

  /** The queued lines, at most {@code maxLines} and about {@code maxBytes}; never blocks. */
  List<SourceLine> drain(int maxLines, long maxBytes) {
    List<SourceLine> out = new ArrayList<>();
    long bytes = 0;
    while (!ended && out.size() < maxLines && bytes < maxBytes) {
      SourceLine line = queue.poll();
      if (line == null) {
        break;
      }
      if (line == END) {
        ended = true;
      } else {
        out.add(line);
        bytes += line.bytes().length;
      }
    }
    return out;
  }

  /** Whether the reader's end has been taken from the queue: nothing more will come. */
  boolean ended() {
    return ended;
  }
}
