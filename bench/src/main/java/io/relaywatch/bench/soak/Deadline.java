package io.relaywatch.bench.soak;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes, as Awaitility does in the tests. */
final class Deadline {
  private Deadline() {}

  /** True as soon as {@code condition} holds; false once {@code limit} has passed. */
  static boolean await(Duration limit, Duration every, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(every.toMillis());
    }
    return true;
  }
}
