package io.relaywatch.events;

import java.util.function.Function;

/** Maps the lower-case names enums carry on the wire back to constants. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E lookup(
      Class<E> type, E[] values, Function<E, String> wireName, String name) {
    for (E value : values) {
      if (wireName.apply(value).equals(name)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + type.getSimpleName()
            + " '"
            + name
            + "', expected one of "
            + names(values, wireName));
  }

  private static <E> String names(E[] values, Function<E, String> wireName) {
    StringBuilder sb = new StringBuilder();
    for (E value : values) {
      sb.append(sb.isEmpty() ? "" : ", ").append(wireName.apply(value));
    }
    return sb.toString();
  }
}
