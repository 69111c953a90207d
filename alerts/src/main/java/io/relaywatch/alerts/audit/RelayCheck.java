package io.relaywatch.alerts.audit;

import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The relay restrictions of every smtpd service (main.cf's, with master.cf's overrides):
 *
 * <ul>
 *   <li>{@code relay_restrictions_not_closed}: neither {@code smtpd_relay_restrictions} nor {@code
 *       smtpd_recipient_restrictions} refuses a stranger's relaying (see {@link RestrictionList}):
 *       an open relay;
 *   <li>{@code sasl_not_permitted_for_relay}: the service offers AUTH, but a list refuses relaying
 *       before {@code permit_sasl_authenticated}, so every authenticated user is refused.
 * </ul>
 */
final class RelayCheck implements AuditCheck {
  static final String RELAY = "smtpd_relay_restrictions";
  static final String RECIPIENT = "smtpd_recipient_restrictions";

  @Override
  public List<Finding> run(AuditInput in, List<String> notes) {
    List<SmtpdService> open = new ArrayList<>();
    List<SmtpdService> saslRefused = new ArrayList<>();
    boolean recipientBlocksSasl = false;
    for (SmtpdService s : in.services()) {
      RestrictionList relay = list(s, RELAY, in, notes);
      RestrictionList recipient = list(s, RECIPIENT, in, notes);
      if (!relay.closes() && !recipient.closes()) {
        open.add(s);
      } else if (s.saslEnabled(in.main())
          && !(relay.letsAuthenticatedRelay() && recipient.letsAuthenticatedRelay())) {
        saslRefused.add(s);
        recipientBlocksSasl |= !recipient.letsAuthenticatedRelay();
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (!open.isEmpty()) {
      findings.add(notClosed(in, open));
    }
    if (!saslRefused.isEmpty()) {
      findings.add(saslNotPermitted(in, saslRefused, recipientBlocksSasl));
    }
    return findings;
  }

  private static RestrictionList list(
      SmtpdService s, String parameter, AuditInput in, List<String> notes) {
    Expansion.Result value = s.value(parameter, in.main());
    if (!value.complete()) {
      notes.add(parameter + ": part of the value could not be expanded; checked what could be");
    }
    return RestrictionList.parse(value.text());
  }

  private static Finding notClosed(AuditInput in, List<SmtpdService> open) {
    return AuditFinding.of(
        Verdict.RELAY_RESTRICTIONS_NOT_CLOSED,
        Severity.CRITICAL,
        in.host(),
        "No relay restriction refuses strangers ("
            + services(open)
            + "): neither smtpd_relay_restrictions nor smtpd_recipient_restrictions reaches"
            + " reject_unauth_destination or defer_unauth_destination before a permit, so anyone"
            + " may relay: an open relay.",
        open.size(),
        evidence(in, open),
        diagnostics(),
        AuditFinding.postfixFix(
            "Close relaying with Postfix's default relay restrictions: mynetworks and"
                + " authenticated clients relay, everyone else only to our own domains. Keep any"
                + " access tables you need before defer_unauth_destination.",
            relayFix(open)));
  }

  private static Finding saslNotPermitted(
      AuditInput in, List<SmtpdService> refused, boolean recipientBlocks) {
    List<String> postfix = new ArrayList<>(relayFix(refused));
    String summary =
        "AUTH is offered ("
            + services(refused)
            + ") but relaying is refused before permit_sasl_authenticated, so every"
            + " authenticated user is refused (Relay access denied).";
    String fix =
        "Permit authenticated clients before the restriction that refuses relaying, as Postfix's"
            + " default smtpd_relay_restrictions does.";
    if (recipientBlocks) {
      fix +=
          " smtpd_recipient_restrictions also refuses them: move reject_unauth_destination out of"
              + " it (smtpd_relay_restrictions does that job) or put permit_sasl_authenticated"
              + " before it.";
    }
    return AuditFinding.of(
        Verdict.SASL_NOT_PERMITTED_FOR_RELAY,
        Severity.CRITICAL,
        in.host(),
        summary,
        refused.size(),
        evidence(in, refused),
        diagnostics(),
        AuditFinding.postfixFix(fix, postfix));
  }

  /**
   * Postfix's default relay restrictions, in main.cf, and for each service overriding them, set in
   * master.cf (without spaces, as {@code -o} wants).
   */
  private static List<String> relayFix(List<SmtpdService> services) {
    Set<String> lines = new LinkedHashSet<>();
    for (SmtpdService s : services) {
      if (s.override(RELAY).isPresent()) {
        s.label()
            .ifPresent(
                l ->
                    lines.add(
                        "postconf -P '"
                            + l
                            + "/"
                            + RELAY
                            + "="
                            + MainConfig.POSTFIX_RELAY_DEFAULT.replace(" ", "")
                            + "'"));
      } else {
        lines.add("postconf -e '" + RELAY + " = " + MainConfig.POSTFIX_RELAY_DEFAULT + "'");
      }
    }
    List<String> all = new ArrayList<>(lines);
    all.add(PostfixLines.CHECK_AND_RELOAD);
    return all;
  }

  private static String services(List<SmtpdService> services) {
    return String.join(", ", services.stream().map(SmtpdService::describe).toList());
  }

  private static List<String> evidence(AuditInput in, List<SmtpdService> services) {
    List<String> evidence = new ArrayList<>(List.of(in.line(RELAY), in.line(RECIPIENT)));
    services.stream().filter(s -> !s.isImplicit()).forEach(s -> evidence.add(s.line()));
    return evidence;
  }

  private static List<String> diagnostics() {
    return List.of(
        "postconf smtpd_relay_restrictions smtpd_recipient_restrictions",
        "postconf -P | grep -E 'relay_restrictions|recipient_restrictions'");
  }
}
