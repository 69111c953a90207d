package io.relaywatch.alerts.engine.rules;

import io.relaywatch.alerts.engine.Evidence;
import io.relaywatch.alerts.engine.VerdictConfig;
import io.relaywatch.alerts.engine.fix.MynetworksProposal;
import io.relaywatch.alerts.engine.fix.MynetworksProposal.Add;
import io.relaywatch.alerts.engine.fix.MynetworksProposal.AlreadyCovered;
import io.relaywatch.alerts.engine.fix.MynetworksProposal.Refused;
import io.relaywatch.alerts.engine.fix.PostfixLines;
import io.relaywatch.alerts.engine.rules.Findings.MtaParts;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * {@code trusted_sender_not_in_mynetworks}: an internal client (an application server, a printer, a
 * monitoring host) sends as a local domain, or is listed in {@code networks.trusted}, on port 25,
 * and never tries AUTH: it expects to be trusted by its address. The fix is the one that touches
 * {@code mynetworks}, so what it may propose is decided by {@link MynetworksProposal} alone.
 */
final class TrustedSenderNotInMynetworks implements Rule {
  private static final List<String> APP_SETTINGS =
      List.of(
          "Or move the application to port 587 with STARTTLS and a mail account, e.g. Django:",
          "EMAIL_HOST = 'MAILSERVER'",
          "EMAIL_PORT = 587",
          "EMAIL_USE_TLS = True",
          "EMAIL_HOST_USER = 'USER'",
          "EMAIL_HOST_PASSWORD = 'PASSWORD'");

  private final Severity severity;
  private final long minDenials;

  TrustedSenderNotInMynetworks(Severity severity, Thresholds thresholds) {
    this.severity = severity;
    this.minDenials = thresholds.count("minDenials");
  }

  @Override
  public Verdict verdict() {
    return Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS;
  }

  @Override
  public Optional<Finding> evaluate(Evidence evidence, VerdictConfig config) {
    return ClientFacts.of(evidence, config).filter(this::fires).map(c -> finding(c, config));
  }

  private boolean fires(ClientFacts client) {
    boolean port25 = client.evidence().services().isEmpty() || client.refusedOn("smtpd");
    return client.internal()
        && (client.evidence().localSenders() > 0 || client.trusted())
        && port25
        && client.neverTriedAuth()
        && client.evidence().relayDenials() >= minDenials;
  }

  private Finding finding(ClientFacts client, VerdictConfig config) {
    MynetworksProposal proposal = MynetworksProposal.of(client.evidence().clientIp(), config);
    MtaParts parts = Findings.mtaParts(client.evidence().mtas(), config);
    String what =
        client.ip()
            + " (internal) was refused relay "
            + Findings.plural(client.evidence().relayDenials(), "time")
            + " sending as a local domain on port 25 without AUTH: it expects to be trusted by its"
            + " address";
    Fix fix;
    if (proposal instanceof Add add) {
      fix = add(add, parts);
    } else if (proposal instanceof AlreadyCovered covered) {
      fix = covered(covered, parts);
    } else {
      fix = refused((Refused) proposal);
    }
    List<String> diagnostics =
        parts.diagnostics(
            List.of("postconf mynetworks smtpd_relay_restrictions"),
            List.of("exim -bh " + client.ip() + "   # simulates a session from the client"),
            List.of());
    long count = client.evidence().relayDenials();
    return Findings.client(verdict(), severity, client, what + ".", count, diagnostics, fix);
  }

  private static Fix add(Add add, MtaParts parts) {
    String keep = "";
    if (add.current().unsafe()) {
      keep =
          "; relaywatch could not safely extend the configured postfix.mynetworks value, so"
              + " replace CURRENT with the value postconf prints";
    } else if (add.needsCurrentValue()) {
      keep = ", keeping the current entries: replace CURRENT with the value postconf prints";
    } else if (!add.current().onlyLiterals()) {
      keep =
          " (mynetworks also names hosts, parameters or tables relaywatch cannot check: confirm"
              + " with postconf -x mynetworks that it does not cover "
              + add.address()
              + " already)";
    }
    String summary =
        "Add "
            + add.entry()
            + " to mynetworks (a single host)"
            + keep
            + "; or move the application to port 587 with authentication.";
    return new Fix(
        summary,
        parts.postfix(add.postfixCommands()),
        parts.exim(List.of(add.eximLine())),
        null,
        APP_SETTINGS);
  }

  private static Fix covered(AlreadyCovered covered, MtaParts parts) {
    String summary =
        "The configured mynetworks already covers "
            + covered.address()
            + " (entry "
            + covered.coveringEntry()
            + "), so do not add it: check that Postfix runs with that value (postconf -n"
            + " mynetworks) and that permit_mynetworks comes before reject_unauth_destination or"
            + " defer_unauth_destination in smtpd_relay_restrictions.";
    return new Fix(
        summary,
        parts.postfix(
            List.of(
                "postconf -n mynetworks",
                "postconf -e '" + SaslNotPermittedForRelay.RESTRICTIONS + "'",
                PostfixLines.CHECK_AND_RELOAD)),
        null,
        null,
        APP_SETTINGS);
  }

  private static Fix refused(Refused refused) {
    return new Fix(
        "No mynetworks change is proposed (the address is "
            + refused.reason()
            + "); move the application to port 587 with authentication.",
        null,
        null,
        null,
        APP_SETTINGS);
  }
}
