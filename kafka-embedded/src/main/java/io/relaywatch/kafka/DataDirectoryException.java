package io.relaywatch.kafka;

import java.nio.file.Path;

/** The broker's data directory cannot be used; the message names the path and says why. */
public final class DataDirectoryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path path;
  private final String reason;

  DataDirectoryException(Path path, String reason) {
    super(path + ": " + reason);
    this.path = path;
    this.reason = reason;
  }

  /** The directory that was refused. */
  public Path path() {
    return path;
  }

  /** Why, in a few words ("not a directory", "not writable"). */
  public String reason() {
    return reason;
  }
}
