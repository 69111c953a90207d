package io.relaywatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads what {@link WireWriter} wrote; a truncated or malformed record is a {@code
 * SerializationException}.
 */
final class WireReader {
  private final byte[] bytes;
  private int at;

  WireReader(byte[] bytes, int offset) {
    this.bytes = bytes;
    this.at = offset;
  }

  int readByte() {
    require(1);
    return bytes[at++] & 0xFF;
  }

  long readLong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (v >>> 1) ^ -(v & 1);
      }
    }
    throw new SerializationException("a variable-length number longer than 10 bytes");
  }

  int readInt() {
    return Math.toIntExact(readLong());
  }

  Integer readNullableInt() {
    return readByte() == 0 ? null : readInt();
  }

  String readString() {
    int length = length();
    if (length < 0) {
      return null;
    }
    String value = new String(bytes, at, length, StandardCharsets.UTF_8);
    at += length;
    return value;
  }

  byte[] readBytes() {
    int length = length();
    if (length < 0) {
      return null;
    }
    byte[] value = new byte[length];
    System.arraycopy(bytes, at, value, 0, length);
    at += length;
    return value;
  }

  <E extends Enum<E>> E readEnum(Class<E> type) {
    String name = readString();
    try {
      return name == null ? null : Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new SerializationException("no " + type.getSimpleName() + " named " + name, e);
    }
  }

  OffsetDateTime readTime() {
    if (readByte() == 0) {
      return null;
    }
    long second = readLong();
    int nano = readInt();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(readInt());
    // Not OffsetDateTime.ofInstant: it asks the offset for its ZoneRules, a new object per call.
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(second, nano, offset), offset);
  }

  List<String> readStrings() {
    int count = readInt();
    List<String> values = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count; i++) {
      values.add(readString());
    }
    return values;
  }

  /** -1 for null. */
  private int length() {
    long prefixed = readLong();
    if (prefixed == 0) {
      return -1;
    }
    long length = prefixed - 1;
    if (length < 0 || length > bytes.length - at) {
      throw new SerializationException("a length of " + length + " past the end of the record");
    }
    return (int) length;
  }

  private void require(int n) {
    if (at + n > bytes.length) {
      throw new SerializationException("the record ends early, at byte " + at);
    }
  }
}
