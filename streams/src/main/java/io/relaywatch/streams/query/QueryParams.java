package io.relaywatch.streams.query;

import io.relaywatch.events.IpAddresses;
import io.relaywatch.streams.topology.AggregationConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameters of the API, validated. Messages name the parameter and what is allowed but never
 * repeat the request's text: it comes from whoever can reach the port.
 */
public final class QueryParams {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private QueryParams() {}

  /** The query string's parameters; the last of a repeated name wins. */
  public static Map<String, String> parse(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(decode(name), decode(value));
    }
    return out;
  }

  /** One percent-encoded query parameter or path segment. */
  public static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the request is not valid URL encoding");
    }
  }

  /**
   * One of the configured window sizes, written as its label ({@code 1m}, {@code 1h}) or ISO 8601
   * ({@code PT1H}); the first configured size when absent.
   */
  public static Duration window(String text, List<Duration> sizes) {
    if (text == null || text.isEmpty()) {
      return sizes.get(0);
    }
    for (Duration size : sizes) {
      if (AggregationConfig.label(size).equalsIgnoreCase(text) || isIso(text, size)) {
        return size;
      }
    }
    throw new BadRequestException(
        "window must be one of the configured sizes: "
            + sizes.stream().map(AggregationConfig::label).collect(Collectors.joining(", ")));
  }

  private static boolean isIso(String text, Duration size) {
    try {
      return Duration.parse(text).equals(size);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A row limit of 1 to {@value #MAX_LIMIT}; {@value #DEFAULT_LIMIT} when absent. */
  public static int limit(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the range.
    }
    throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT);
  }

  /** The canonical text of a client address from the path. */
  public static String clientIp(String text) {
    String canonical = IpAddresses.canonical(text);
    if (canonical == null) {
      throw new BadRequestException(
          "the path must end in a client IP address such as 192.0.2.7 or 2001:db8::7");
    }
    return canonical;
  }
}
