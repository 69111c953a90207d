package io.relaywatch.streams.query;

/** A request the API refuses with 400; the message names the problem and never echoes input. */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
