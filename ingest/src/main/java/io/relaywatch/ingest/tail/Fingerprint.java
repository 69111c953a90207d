package io.relaywatch.ingest.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Identity of a log file: a SHA-256 hash over its first {@code length} bytes.
 *
 * <p>A file shorter than the configured fingerprint size gets a provisional fingerprint over all
 * its bytes; it is upgraded as the file grows. A provisional fingerprint still recognises its file,
 * because matching hashes the same number of leading bytes of the candidate.
 *
 * @param sha256 lower-case hex SHA-256 of the first {@code length} bytes
 * @param length number of leading bytes hashed
 */
public record Fingerprint(String sha256, int length) {

  /** Validates the fields. */
  public Fingerprint {
    Objects.requireNonNull(sha256, "sha256");
    if (length < 0) {
      throw new IllegalArgumentException("fingerprint length must not be negative: " + length);
    }
  }

  /** Fingerprint of the first {@code min(size, maxLength)} bytes of a file. */
  public static Fingerprint of(FileChannel channel, int maxLength) throws IOException {
    int length = (int) Math.min(channel.size(), maxLength);
    return new Fingerprint(hash(channel, length), length);
  }

  /** Whether the first {@code length} bytes of the file hash to this fingerprint. */
  public boolean matches(FileChannel channel) throws IOException {
    return channel.size() >= length && sha256.equals(hash(channel, length));
  }

  /** Whether the first {@code length} of these leading bytes of a file hash to this fingerprint. */
  public boolean matches(byte[] head) {
    if (head.length < length) {
      return false;
    }
    return sha256.equals(hash(ByteBuffer.wrap(head, 0, length)));
  }

  /** Whether this fingerprint covers fewer bytes than a full one. */
  public boolean isProvisional(int fullLength) {
    return length < fullLength;
  }

  /** Short form for logs and record headers. */
  @Override
  public String toString() {
    return sha256.substring(0, 16) + "/" + length;
  }

  private static String hash(FileChannel channel, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, buffer.position()) < 0) {
        break;
      }
    }
    return hash(buffer.flip());
  }

  private static String hash(ByteBuffer bytes) {
    MessageDigest digest = newDigest();
    digest.update(bytes);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime ships SHA-256", e);
    }
  }
}
