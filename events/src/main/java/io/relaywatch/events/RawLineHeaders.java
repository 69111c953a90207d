package io.relaywatch.events;

/**
 * Record headers the shipper puts on {@link Topics#RAW_LINES} records, so that a line can be traced
 * to its file and position and deduplicated by id if a consumer ever needs to. The names are short
 * on purpose: header names and values are encoded into every record, and with a 137-byte average
 * line long names cost the shipper a measurable share of its throughput (docs/benchmarks.md).
 */
public final class RawLineHeaders {
  /**
   * The source the line came from: {@code file:<path>} or {@code stdin}, as configured; the same
   * for every line of a source.
   */
  public static final String SOURCE = "rw.src";

  /**
   * The event id {@code <file id>:<offset>}: the file's identity (the first 16 hex digits of its
   * fingerprint, see docs/shipper.md) and the decimal byte offset of the line's first byte in that
   * file. Unique per line and stable across restarts; split at the last {@code :} for the file and
   * the offset. Absent for standard input, which has neither.
   */
  public static final String ID = "rw.id";

  /** Present (value {@code 1}) when the line was longer than the limit and was cut. */
  public static final String CUT = "rw.cut";

  private RawLineHeaders() {}
}
