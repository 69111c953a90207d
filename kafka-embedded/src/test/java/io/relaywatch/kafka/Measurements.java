package io.relaywatch.kafka;

/** Timings the broker tests print, so that start-up regressions show in the build log. */
final class Measurements {
  private Measurements() {}

  static void print(String what, long beginNanos) {
    long millis = (System.nanoTime() - beginNanos) / 1_000_000;
    System.out.println("relaywatch measured: " + what + ": " + millis + " ms");
  }
}
