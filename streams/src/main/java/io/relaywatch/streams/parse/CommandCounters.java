package io.relaywatch.streams.parse;

import io.relaywatch.events.CommandCount;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The counters of a Postfix disconnect line: {@code ehlo=1 auth=0/1 rcpt=0/1 commands=3/4}. */
final class CommandCounters {
  private static final int MAX_COUNTERS = 32;

  private CommandCounters() {}

  /** The counters in logged order; malformed items are skipped. Empty when none were logged. */
  static Map<String, CommandCount> parse(String counters) {
    Map<String, CommandCount> result = new LinkedHashMap<>();
    if (counters == null) {
      return result;
    }
    int i = 0;
    while (i < counters.length() && result.size() < MAX_COUNTERS) {
      int end = counters.indexOf(' ', i);
      if (end < 0) {
        end = counters.length();
      }
      put(result, counters.substring(i, end));
      i = end + 1;
    }
    return result;
  }

  private static void put(Map<String, CommandCount> result, String item) {
    int eq = item.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String value = item.substring(eq + 1);
    int slash = value.indexOf('/');
    Integer ok = number(slash < 0 ? value : value.substring(0, slash));
    Integer total = slash < 0 ? ok : number(value.substring(slash + 1));
    if (ok != null && total != null && ok <= total) {
      result.put(item.substring(0, eq).toLowerCase(Locale.ROOT), new CommandCount(ok, total));
    }
  }

  private static Integer number(String s) {
    return HeaderParser.pid(s);
  }
}
