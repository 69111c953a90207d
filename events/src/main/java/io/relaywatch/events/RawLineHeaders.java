package io.relaywatch.events;

/**
 * Record headers the shipper puts on every {@link Topics#RAW_LINES} record, so that a line can be
 * traced to its file and position and deduplicated by id if a consumer ever needs to.
 */
public final class RawLineHeaders {
  /**
   * The source the line came from: {@code file:<path>}, {@code journald:<units>} or {@code stdin}.
   */
  public static final String SOURCE = "relaywatch.source";

  /** The identity of the file within the source (fingerprint), absent for journald and stdin. */
  public static final String FILE_ID = "relaywatch.file-id";

  /** Byte offset of the line's first byte in that file, as decimal text. */
  public static final String OFFSET = "relaywatch.offset";

  /**
   * {@code <file id>:<offset>} (or the journald cursor): unique per line, stable across restarts.
   */
  public static final String EVENT_ID = "relaywatch.event-id";

  /** Present (value {@code true}) when the line was longer than the limit and was cut. */
  public static final String CUT = "relaywatch.cut";

  private RawLineHeaders() {}
}
