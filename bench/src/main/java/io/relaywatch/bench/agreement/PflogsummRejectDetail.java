package io.relaywatch.bench.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Relay access denied" entries of pflogsumm's {@code message reject detail} section (run
 * with {@code --reject-detail N}, N at least the number of clients, so that nothing is cut).
 *
 * <p>The section lists, per reject type ({@code RCPT}, ...), one heading per reason with its {@code
 * (total: N)}, then {@code count key} lines. pflogsumm's key is the client's IP address only when
 * Postfix named the client {@code unknown}; otherwise it is the client's host name shortened to its
 * last two labels (its {@code gimme_domain}), so several clients can share one key.
 */
public final class PflogsummRejectDetail {
  private static final String SECTION = "message reject detail";
  private static final String REASON = "Relay access denied";
  private static final Pattern HEADING =
      Pattern.compile("^ {4}(\\S.*?) (?:\\(top \\d+\\) )?\\(total: (\\d+)\\)$");
  private static final Pattern ENTRY = Pattern.compile("^ {6,}(\\d+) {3}(\\S+)$");

  private PflogsummRejectDetail() {}

  /** Relay denials per pflogsumm key, and the totals of the reason's headings. */
  public record RelayDenials(Map<String, Long> byKey, long total) {}

  /** Parses pflogsumm's whole output. */
  public static RelayDenials parse(List<String> output) {
    Map<String, Long> byKey = new LinkedHashMap<>();
    long total = 0;
    boolean inSection = false;
    boolean inReason = false;
    for (String line : output) {
      if (!inSection) {
        inSection = line.equals(SECTION);
        continue;
      }
      if (line.isBlank() && !byKey.isEmpty() || isNextSection(line)) {
        break;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        inReason = heading.group(1).equals(REASON);
        total += inReason ? Long.parseLong(heading.group(2)) : 0;
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      if (inReason && entry.matches()) {
        byKey.merge(entry.group(2), Long.parseLong(entry.group(1)), Long::sum);
      }
    }
    return new RelayDenials(byKey, total);
  }

  /** A new section starts with an unindented title (its underline is made of dashes). */
  private static boolean isNextSection(String line) {
    return !line.isEmpty() && !line.startsWith(" ") && !line.matches("-+");
  }
}
