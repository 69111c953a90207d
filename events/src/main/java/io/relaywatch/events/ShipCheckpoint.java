package io.relaywatch.events;

import java.util.Objects;

/**
 * A shipper's read position in one source, committed in the same Kafka transaction as the lines it
 * covers: the value of {@code relaywatch.ship-checkpoints}.
 *
 * @param version format version of {@code state}
 * @param shipper the shipper id
 * @param source the source name ({@code file:/var/log/mail.log}, {@code journald:...})
 * @param state the source's own resume state (a tail checkpoint, a journald cursor), as text
 */
public record ShipCheckpoint(int version, String shipper, String source, String state) {
  public static final int CURRENT_VERSION = 1;

  public ShipCheckpoint {
    Objects.requireNonNull(shipper, "shipper");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(state, "state");
  }

  /** The record key: one compacted entry per shipper and source. */
  public static String key(String shipper, String source) {
    return shipper + "|" + source;
  }
}
