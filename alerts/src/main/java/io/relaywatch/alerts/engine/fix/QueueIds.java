package io.relaywatch.alerts.engine.fix;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Postfix queue ids from a log, accepted only in the two forms Postfix writes: the short hex form
 * ({@code [0-9A-F]{6,}}) and the long form ({@code enable_long_queue_ids}, base-52 digits without
 * vowels). Anything else, shell characters above all, never reaches a {@code postsuper} command.
 */
public final class QueueIds {
  private static final Pattern SHORT = Pattern.compile("[0-9A-F]{6,20}");
  private static final Pattern LONG = Pattern.compile("[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,20}");

  private QueueIds() {}

  /** Whether the text is one Postfix queue id and nothing else. */
  public static boolean valid(String queueId) {
    return queueId != null && (SHORT.matcher(queueId).matches() || LONG.matcher(queueId).matches());
  }

  /** The valid ids, in order, without duplicates. */
  public static List<String> validOnly(List<String> queueIds) {
    return queueIds.stream().filter(QueueIds::valid).distinct().toList();
  }

  /** {@code postsuper -h <id>} for each valid id: holds exactly those messages, deletes nothing. */
  public static List<String> holdCommands(List<String> queueIds) {
    return validOnly(queueIds).stream().map(id -> "postsuper -h " + id).toList();
  }
}
