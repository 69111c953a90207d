package io.relaywatch.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** An input that cannot be read; the message names the file and says why, for the user. */
final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  InputException(String input, String why) {
    super("cannot read " + input + ": " + why);
  }

  static InputException of(String input, IOException e) {
    return new InputException(input, why(e));
  }

  /** The reason in the words of the C library, since users know those from cat and grep. */
  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
