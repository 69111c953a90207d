package io.relaywatch.ingest.source;

import java.io.IOException;
import java.util.List;

/**
 * Where lines come from: a log file with its rotations, journald, or standard input. Not
 * thread-safe: one shipper loop polls and takes checkpoints.
 */
public interface LineSource extends AutoCloseable {
  /** A stable name, used in checkpoints and as the {@code source} metric label. */
  String name();

  /** The lines read since the last poll, bounded by the source's options; empty when idle. */
  List<SourceLine> poll() throws IOException;

  /**
   * The state after the last line returned by {@link #poll()}, to resume from after a restart; null
   * for sources that cannot resume (stdin).
   */
  byte[] checkpoint();

  /** Whether the source has ended for good (stdin at end of input); files never end. */
  default boolean exhausted() {
    return false;
  }

  /** Counters for the metrics layer. */
  SourceStats stats();

  @Override
  void close() throws IOException;
}
