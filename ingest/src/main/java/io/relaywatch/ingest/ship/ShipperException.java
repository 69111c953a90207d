package io.relaywatch.ingest.ship;

/** Shipping cannot go on; the message says why in the user's terms. */
public final class ShipperException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShipperException(String message, Throwable cause) {
    super(message, cause);
  }
}
