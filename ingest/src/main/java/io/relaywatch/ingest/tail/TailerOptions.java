package io.relaywatch.ingest.tail;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link FileTailer}.
 *
 * @param maxLineBytes lines longer than this are cut to this length, flagged and counted
 * @param fingerprintBytes how many leading bytes identify a file
 * @param partialLineTimeout how long an unterminated last line of a rotated-away file may stay
 *     unchanged before it is delivered as it is
 * @param maxBytesPerPoll how many bytes one poll reads at most, so a large backlog comes in slices
 * @param clock time source for the partial line timeout; tests pass a fixed, movable clock
 * @param compressed whether a restarted tailer reads files compressed while it was down
 */
public record TailerOptions(
    int maxLineBytes,
    int fingerprintBytes,
    Duration partialLineTimeout,
    long maxBytesPerPoll,
    Clock clock,
    CompressedCatchUp compressed) {

  /** 64 KiB, the default line limit. */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

  /** Validates the settings. */
  public TailerOptions {
    Objects.requireNonNull(partialLineTimeout, "partialLineTimeout");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(compressed, "compressed");
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be at least 1, got " + maxLineBytes);
    }
    if (fingerprintBytes < 1) {
      throw new IllegalArgumentException(
          "fingerprintBytes must be at least 1, got " + fingerprintBytes);
    }
    if (maxBytesPerPoll < 1) {
      throw new IllegalArgumentException(
          "maxBytesPerPoll must be at least 1, got " + maxBytesPerPoll);
    }
  }

  /**
   * 64 KiB lines, 1024-byte fingerprints, 5 s partial line timeout, 8 MiB per poll, no compressed
   * catch-up.
   */
  public static TailerOptions defaults() {
    return new TailerOptions(
        DEFAULT_MAX_LINE_BYTES,
        1024,
        Duration.ofSeconds(5),
        8L << 20,
        Clock.systemUTC(),
        CompressedCatchUp.OFF);
  }

  public TailerOptions withMaxLineBytes(int value) {
    return new TailerOptions(
        value, fingerprintBytes, partialLineTimeout, maxBytesPerPoll, clock, compressed);
  }

  public TailerOptions withFingerprintBytes(int value) {
    return new TailerOptions(
        maxLineBytes, value, partialLineTimeout, maxBytesPerPoll, clock, compressed);
  }

  public TailerOptions withPartialLineTimeout(Duration value) {
    return new TailerOptions(
        maxLineBytes, fingerprintBytes, value, maxBytesPerPoll, clock, compressed);
  }

  public TailerOptions withMaxBytesPerPoll(long value) {
    return new TailerOptions(
        maxLineBytes, fingerprintBytes, partialLineTimeout, value, clock, compressed);
  }

  public TailerOptions withClock(Clock value) {
    return new TailerOptions(
        maxLineBytes, fingerprintBytes, partialLineTimeout, maxBytesPerPoll, value, compressed);
  }

  public TailerOptions withCompressedCatchUp(CompressedCatchUp value) {
    return new TailerOptions(
        maxLineBytes, fingerprintBytes, partialLineTimeout, maxBytesPerPoll, clock, value);
  }
}
