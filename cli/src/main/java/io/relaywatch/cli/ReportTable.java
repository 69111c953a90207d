package io.relaywatch.cli;

import io.relaywatch.streams.report.ReportSummary;
import io.relaywatch.streams.report.ReportSummary.RelayDeniedClient;
import io.relaywatch.streams.report.ReportSummary.SaslFailedClient;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes a {@link ReportSummary} as readable text, one titled section after another. */
final class ReportTable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
  private static final int MAX_SAMPLE_CHARS = 200;

  private ReportTable() {}

  static void print(ReportSummary s, PrintWriter out) {
    summary(s, out);
    section(out, "Rejects by reason", counts("REASON", s.rejects().byReason()));
    section(out, "Rejects by SMTP code", counts("CODE", s.rejects().bySmtpCode()));
    section(out, "Rejects by service", counts("SERVICE", s.rejects().byService()));
    section(out, relayTitle(s.relayDenials()), relayClients(s.relayDenials()));
    section(out, saslTitle(s.saslFailures()), saslClients(s.saslFailures()));
    section(out, "SASL backend errors", backend(s.saslBackendErrors()));
    section(out, "Unparsed lines by reason", counts("REASON", s.unparsedByReason()));
  }

  private static void summary(ReportSummary s, PrintWriter out) {
    out.println("Summary");
    new Table("WHAT", "#COUNT")
        .row("lines read", s.totalLines())
        .row("events", s.events())
        .row("ignored lines", s.ignoredLines())
        .row("unparsed lines", s.unparsedLines())
        .row("rejects (refused)", s.rejects().refused())
        .row("reject_warning (not refused)", s.rejects().warnings())
        .row("relay denials", s.relayDenials().total())
        .row("SASL auth failures", s.saslFailures().total())
        .row("SASL backend errors", s.saslBackendErrors().count())
        .print(out);
  }

  private static void section(PrintWriter out, String title, Table table) {
    out.println();
    out.println(title);
    table.print(out);
  }

  private static Table counts(String what, Map<String, Long> counts) {
    Table table = new Table(what, "#COUNT");
    counts.forEach(table::row);
    return table;
  }

  private static String relayTitle(ReportSummary.RelayDenials d) {
    return "Top relay-denied clients ("
        + d.top().size()
        + " of "
        + clients(d.clients(), d.approximate())
        + ")";
  }

  private static Table relayClients(ReportSummary.RelayDenials d) {
    Table table =
        new Table("CLIENT", "#COUNT", "#RCPT DOMAINS", "FIRST SEEN", "LAST SEEN", "NETWORK");
    for (RelayDeniedClient c : d.top()) {
      table.row(
          c.clientIp(),
          c.count(),
          (c.recipientDomainsAtLeast() ? ">= " : "") + c.recipientDomains(),
          time(c.firstSeen()),
          time(c.lastSeen()),
          c.network().wireName());
    }
    return table;
  }

  private static String saslTitle(ReportSummary.SaslFailures f) {
    return "SASL failures by client ("
        + f.top().size()
        + " of "
        + clients(f.clients(), f.approximate())
        + ")";
  }

  private static Table saslClients(ReportSummary.SaslFailures f) {
    Table table = new Table("CLIENT", "#COUNT", "FIRST SEEN", "LAST SEEN", "NETWORK", "USERNAMES");
    for (SaslFailedClient c : f.top()) {
      table.row(
          c.clientIp(),
          c.count(),
          time(c.firstSeen()),
          time(c.lastSeen()),
          c.network().wireName(),
          String.join(",", c.usernames()) + (c.usernamesCapped() ? ",..." : ""));
    }
    return table;
  }

  private static Table backend(ReportSummary.SaslBackendErrors b) {
    Table table = new Table("WHAT", "VALUE");
    if (b.count() == 0) {
      return table;
    }
    return table
        .row("count", b.count())
        .row("first seen", time(b.firstSeen()))
        .row("last seen", time(b.lastSeen()))
        .row("example", TerminalText.safe(b.sampleMessage(), MAX_SAMPLE_CHARS));
  }

  private static String clients(long clients, boolean approximate) {
    return (approximate ? "at most " : "") + clients + (clients == 1 ? " client" : " clients");
  }

  private static String time(OffsetDateTime t) {
    return t == null ? "-" : TIME.format(t);
  }
}
