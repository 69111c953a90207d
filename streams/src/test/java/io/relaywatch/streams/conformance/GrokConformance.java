package io.relaywatch.streams.conformance;

import io.relaywatch.events.IpAddresses;
import io.relaywatch.events.MailEvent;
import io.relaywatch.streams.parse.LineParser;
import io.relaywatch.streams.parse.ParseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that our events agree with the captures of postfix-grok-patterns smtpd and postscreen
 * reject cases. Their {@code data} has no header, so a synthetic RFC 3164 one is prepended.
 */
final class GrokConformance {
  private static final Instant REFERENCE = Instant.parse("2026-11-28T12:00:00Z");
  private static final Pattern REJECT_DATA =
      Pattern.compile("^(?:NOQUEUE|[0-9A-Za-z]+): (?:reject|reject_warning|milter-reject): ");
  private static final Pattern KEY_VALUE = Pattern.compile("(\\w+)=(<[^>]*>|[^\\s,]*)");

  /** Capture name to our field; values compared exactly (addresses canonically). */
  private static final Map<String, Function<MailEvent, Object>> EXACT =
      Map.of(
          "postfix_client_ip", MailEvent::clientIp,
          "postfix_client_hostname", MailEvent::clientHost,
          "postfix_client_port", MailEvent::clientPort,
          "postfix_status_code", MailEvent::smtpCode,
          "postfix_status_code_enhanced", MailEvent::enhancedCode,
          "postfix_queueid", MailEvent::queueId,
          "postfix_smtp_stage", MailEvent::stage,
          "postfix_action", e -> e.action() == null ? null : e.action().wireName());

  /** Captures upstream checks as substrings of the reply text; ours must contain them too. */
  private static final Set<String> IN_MESSAGE =
      Set.of("postfix_status_message", "postfix_postscreen_toobusy_data");

  /** The from=, to=, proto=, helo= fields inside postfix_keyvalue_data. */
  private static final Map<String, Function<MailEvent, Object>> KEY_VALUES =
      Map.of(
          "from", MailEvent::sender,
          "to", MailEvent::recipient,
          "proto", MailEvent::proto,
          "helo", MailEvent::helo);

  private final LineParser parser;
  private final Set<String> unchecked = new TreeSet<>();

  GrokConformance(LineParser parser) {
    this.parser = parser;
  }

  Score check(List<GrokCases.Case> cases) {
    Score score = new Score("postfix-grok-patterns smtpd+postscreen rejects");
    for (GrokCases.Case c : cases) {
      if (!REJECT_DATA.matcher(c.data()).find()) {
        continue;
      }
      String line = "Nov  3 10:33:27 mx1 postfix/" + c.daemon() + "[1234]: " + c.data();
      List<String> problems = problems(c, parser.parse(line, REFERENCE));
      if (problems.isEmpty()) {
        score.pass();
      } else {
        score.miss(new Score.Miss(c.file(), c.file(), c.data(), String.join("; ", problems)));
      }
    }
    return score;
  }

  /** Capture names seen in reject cases that map to none of our fields. */
  Set<String> uncheckedCaptures() {
    return unchecked;
  }

  private List<String> problems(GrokCases.Case c, ParseResult result) {
    if (!(result instanceof ParseResult.Parsed parsed)) {
      return List.of("expected an event, got " + result);
    }
    MailEvent event = parsed.event();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> capture : c.results().entrySet()) {
      String name = capture.getKey();
      String want = capture.getValue();
      if (EXACT.containsKey(name)) {
        compare(name, want, EXACT.get(name).apply(event), problems);
      } else if (IN_MESSAGE.contains(name)) {
        if (event.message() == null || !event.message().contains(want)) {
          problems.add(name + " '" + want + "' not in message '" + event.message() + "'");
        }
      } else if (name.equals("postfix_keyvalue_data")) {
        compareKeyValues(want, event, problems);
      } else {
        unchecked.add(name);
      }
    }
    return problems;
  }

  private static void compareKeyValues(String data, MailEvent event, List<String> problems) {
    Matcher m = KEY_VALUE.matcher(data);
    while (m.find()) {
      Function<MailEvent, Object> field = KEY_VALUES.get(m.group(1));
      if (field != null) {
        String value =
            m.group(2).startsWith("<")
                ? m.group(2).substring(1, m.group(2).length() - 1)
                : m.group(2);
        compare(m.group(1) + "=", value, field.apply(event), problems);
      }
    }
  }

  private static void compare(String name, String want, Object got, List<String> problems) {
    String actual = got == null ? null : got.toString();
    boolean same =
        name.equals("postfix_client_ip")
            ? Objects.equals(IpAddresses.canonical(want), IpAddresses.canonical(actual))
            : want.equals(actual);
    if (!same) {
      problems.add(name + " expected '" + want + "' but was '" + actual + "'");
    }
  }
}
