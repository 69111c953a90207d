package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.MessageStats;
import io.relaywatch.alerts.engine.fix.MynetworksNarrowing;
import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.alerts.engine.fix.QueueIds;
import io.relaywatch.events.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix of {@code server_is_open_relay}, built only from the canonical client address, the
 * validated entries of the configured {@code mynetworks} ({@link MynetworksNarrowing}) and queue
 * ids of Postfix's own syntax ({@link QueueIds}); never from other log text.
 */
final class OpenRelayFix {
  static final String RESTRICTIONS_CHECK =
      "postconf -h smtpd_relay_restrictions   # must end in reject_unauth_destination or"
          + " defer_unauth_destination";

  private OpenRelayFix() {}

  static List<String> diagnostics(ClientFacts client) {
    return List.of(
        "postconf -h mynetworks   # which entries cover " + client.ip(),
        RESTRICTIONS_CHECK,
        "postconf -h smtpd_recipient_restrictions   # no permit before reject_unauth_destination",
        "mailq | head -50   # what is still queued");
  }

  static Fix fix(ClientFacts client, MessageStats m, MynetworksNarrowing narrowing) {
    List<String> postfix = new ArrayList<>(mynetworks(client, narrowing));
    postfix.add(RESTRICTIONS_CHECK);
    postfix.addAll(hold(m));
    String summary =
        "Stop relaying for "
            + client.ip()
            + ": "
            + (narrowing.canPropose()
                ? "narrow mynetworks to the entries inside networks.internal, "
                : "take every mynetworks entry that covers it out, ")
            + "make smtpd_relay_restrictions end in reject_unauth_destination, and hold the"
            + " messages it queued.";
    return new Fix(summary, postfix, null, null, null);
  }

  private static List<String> mynetworks(ClientFacts client, MynetworksNarrowing n) {
    List<String> lines = new ArrayList<>();
    if (!n.known()) {
      lines.add(
          "postconf -h mynetworks   # postfix.mynetworks is not configured (or not repeatable):"
              + " remove every entry that covers "
              + client.ip());
      return lines;
    }
    lines.add(
        n.clientCovered()
            ? "# mynetworks lets " + client.ip() + " in through: " + String.join(" ", n.covering())
            : "# no literal mynetworks entry covers "
                + client.ip()
                + ": look for a permit before reject_unauth_destination, or an indirect entry");
    if (n.canPropose()) {
      lines.add("postconf -e 'mynetworks = " + n.narrowedValue() + "'");
      lines.add(PostfixLines.CHECK_AND_RELOAD);
      lines.add(
          "# replaced or dropped (too wide, outside networks.internal or not checkable): "
              + String.join(" ", n.dropped()));
    } else if (n.kept().isEmpty()) {
      lines.add(
          "# no configured mynetworks entry is inside networks.internal and at most /24 (IPv6 /64):"
              + " nothing is safe to keep; set mynetworks by hand to your internal hosts");
    }
    return lines;
  }

  private static List<String> hold(MessageStats m) {
    List<String> holds = QueueIds.holdCommands(m.queueIds());
    if (holds.isEmpty()) {
      return List.of("# no valid queue id in the evidence: find its messages with mailq");
    }
    List<String> lines = new ArrayList<>();
    lines.add("# emergency: hold exactly these messages (release with postsuper -H <id>)");
    lines.addAll(holds);
    return lines;
  }
}
