package io.relaywatch.streams.topology;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How many distinct strings were seen: exact up to a cap, an UltraLogLog estimate beyond it.
 *
 * <p>Values are kept as 64-bit hashes (8 bytes each, whatever their length), so "exact" means exact
 * but for a hash collision, about 1 in 4 * 10^13 at 1,000 values. Past the cap the hashes are fed
 * into an UltraLogLog sketch of precision {@value #SKETCH_PRECISION} (4 KiB, relative standard
 * error about 1.2%) and dropped, so a window's state stays bounded however many values a client
 * sprays. The estimate never goes below the number counted exactly before the switch.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.NONE,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
final class DistinctCount {
  static final int SKETCH_PRECISION = 12;
  private static final Hasher64 HASHER = Hashing.komihash5_0();
  private static final long[] NONE = new long[0];

  /** Sorted hashes while exact; null once estimated. */
  private long[] hashes;

  /** Null while exact. */
  private UltraLogLog sketch;

  /** How many distinct values were known exactly when the sketch took over. */
  private long floor;

  DistinctCount() {
    this.hashes = NONE;
  }

  @JsonCreator
  DistinctCount(
      @JsonProperty("exact") byte[] exact,
      @JsonProperty("sketch") byte[] sketch,
      @JsonProperty("floor") long floor) {
    this.sketch = sketch == null ? null : UltraLogLog.wrap(sketch);
    this.hashes = sketch != null ? null : exact == null ? NONE : toLongs(exact);
    this.floor = floor;
  }

  void add(String value, int cap) {
    long hash = HASHER.hashCharsToLong(value);
    if (sketch != null) {
      sketch.add(hash);
      return;
    }
    int at = Arrays.binarySearch(hashes, hash);
    if (at >= 0) {
      return;
    }
    if (hashes.length >= cap) {
      switchToSketch(hash);
      return;
    }
    int insert = -at - 1;
    long[] grown = new long[hashes.length + 1];
    System.arraycopy(hashes, 0, grown, 0, insert);
    grown[insert] = hash;
    System.arraycopy(hashes, insert, grown, insert + 1, hashes.length - insert);
    hashes = grown;
  }

  private void switchToSketch(long newHash) {
    sketch = UltraLogLog.create(SKETCH_PRECISION);
    for (long hash : hashes) {
      sketch.add(hash);
    }
    sketch.add(newHash);
    floor = hashes.length + 1L;
    hashes = null;
  }

  long count() {
    if (sketch == null) {
      return hashes.length;
    }
    return Math.max(floor, Math.round(sketch.getDistinctCountEstimate()));
  }

  boolean exact() {
    return sketch == null;
  }

  @JsonProperty("exact")
  byte[] exactState() {
    if (hashes == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(hashes.length * Long.BYTES);
    buffer.asLongBuffer().put(hashes);
    return buffer.array();
  }

  @JsonProperty("sketch")
  byte[] sketchState() {
    return sketch == null ? null : sketch.getState();
  }

  @JsonProperty("floor")
  long floor() {
    return floor;
  }

  /** Writes the state for a store value: as {@link #exactState}, {@link #sketchState}, floor. */
  void writeTo(WireWriter out) {
    out.writeBytes(exactState()).writeBytes(sketchState()).writeLong(floor);
  }

  static DistinctCount readFrom(WireReader in) {
    byte[] exact = in.readBytes();
    byte[] sketch = in.readBytes();
    return new DistinctCount(exact, sketch, in.readLong());
  }

  private static long[] toLongs(byte[] bytes) {
    long[] longs = new long[bytes.length / Long.BYTES];
    ByteBuffer.wrap(bytes).asLongBuffer().get(longs);
    return longs;
  }
}
