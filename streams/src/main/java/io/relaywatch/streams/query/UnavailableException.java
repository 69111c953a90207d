package io.relaywatch.streams.query;

/**
 * The answer cannot be given now (a rebalance, a restore, a peer instance not answering): the API
 * says 503 with {@code Retry-After}.
 */
public final class UnavailableException extends RuntimeException {
  public UnavailableException(String message) {
    super(message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
