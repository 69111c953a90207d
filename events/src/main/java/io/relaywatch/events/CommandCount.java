package io.relaywatch.events;

/**
 * One counter of a Postfix disconnect summary: {@code auth=0/1} is 0 accepted out of 1 sent, and
 * {@code ehlo=1} is 1 of 1.
 */
public record CommandCount(int ok, int total) {
  public CommandCount {
    if (ok < 0 || total < ok) {
      throw new IllegalArgumentException(
          "command count " + ok + "/" + total + " is not 0 <= ok <= total");
    }
  }

  /** Whether some of these commands were refused. */
  public boolean failed() {
    return ok < total;
  }
}
