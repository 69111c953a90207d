package io.relaywatch.alerts.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=<hex>} of HMAC-SHA256, keyed with the shared secret, over
 * {@code <timestamp>.<body>} where timestamp is the {@value #TIMESTAMP_HEADER} header (Unix
 * seconds). Signing the timestamp with the body lets a receiver refuse replays: it checks the
 * signature, then that the timestamp is recent (five minutes is usual).
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-Relaywatch-Signature";
  public static final String TIMESTAMP_HEADER = "X-Relaywatch-Timestamp";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The value of {@value #SIGNATURE_HEADER} for this timestamp and body. */
  public static String sign(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java has " + ALGORITHM, e);
    }
  }

  /** What a receiver does: recompute and compare in constant time. */
  public static boolean verify(String secret, long timestampSeconds, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
  }
}
