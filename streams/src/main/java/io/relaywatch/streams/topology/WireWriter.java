package io.relaywatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the compact binary records of the application's internal topics and stores (see {@link
 * BinaryMailEventSerde}): variable-length integers, length-prefixed UTF-8 strings, and a length of
 * 0 for null, so that no field name or number formatting is paid per record as with JSON.
 */
final class WireWriter {
  private byte[] bytes;
  private int size;

  WireWriter(int capacity) {
    bytes = new byte[capacity];
  }

  WireWriter writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
    return this;
  }

  /** Zig-zag, so that small negative numbers stay short too. */
  WireWriter writeLong(long value) {
    long v = (value << 1) ^ (value >> 63);
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
    return this;
  }

  WireWriter writeInt(int value) {
    return writeLong(value);
  }

  /** A nullable Integer: 0 for null, else the value shifted by one. */
  WireWriter writeNullableInt(Integer value) {
    return value == null ? writeByte(0) : writeByte(1).writeLong(value);
  }

  /** A nullable string: 0 for null, else its UTF-8 length plus one, then the bytes. */
  WireWriter writeString(String value) {
    if (value == null) {
      return writeByte(0);
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeLong(utf8.length + 1L);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
    return this;
  }

  /** A nullable byte array, length-prefixed like a string. */
  WireWriter writeBytes(byte[] value) {
    if (value == null) {
      return writeByte(0);
    }
    writeLong(value.length + 1L);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
    return this;
  }

  /** A nullable enum, by name, so that reordering constants never changes what a record means. */
  WireWriter writeEnum(Enum<?> value) {
    return writeString(value == null ? null : value.name());
  }

  /** A nullable time with its offset: epoch second, nanosecond, offset seconds. */
  WireWriter writeTime(OffsetDateTime time) {
    if (time == null) {
      return writeByte(0);
    }
    writeByte(1);
    writeLong(time.toEpochSecond());
    writeInt(time.getNano());
    return writeInt(time.getOffset().getTotalSeconds());
  }

  WireWriter writeStrings(List<String> values) {
    writeInt(values.size());
    values.forEach(this::writeString);
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
