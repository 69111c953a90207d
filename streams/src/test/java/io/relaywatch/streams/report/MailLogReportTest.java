package io.relaywatch.streams.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaywatch.events.EventType;
import io.relaywatch.events.InternalNetworks;
import io.relaywatch.events.Json;
import io.relaywatch.events.MailEvent;
import io.relaywatch.events.Mta;
import io.relaywatch.events.RejectAction;
import io.relaywatch.events.RejectReason;
import io.relaywatch.streams.parse.ParseResult;
import io.relaywatch.streams.report.ReportSummary.Network;
import io.relaywatch.streams.report.ReportSummary.RelayDeniedClient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MailLogReportTest {
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 11, 3, 10, 0, 0, 0, ZoneOffset.UTC);

  private final MailLogReport report = new MailLogReport();

  @Test
  void shouldCountLinesByWhatTheParserMadeOfThem() {
    report.add(new ParseResult.Parsed(relayDenial("192.0.2.7", "b.example", 0)));
    report.add(new ParseResult.Unparsed("unknown reject", "mx1", "postfix/smtpd", "x"));
    report.add(new ParseResult.Unparsed("unknown reject", "mx1", "postfix/smtpd", "y"));
    report.add(new ParseResult.Unparsed("too long", null, null, "z"));
    report.add(ParseResult.IGNORED);

    ReportSummary summary = report.summary(10);

    assertThat(summary.totalLines()).isEqualTo(5);
    assertThat(summary.events()).isEqualTo(1);
    assertThat(summary.ignoredLines()).isEqualTo(1);
    assertThat(summary.unparsedLines()).isEqualTo(3);
    assertThat(summary.unparsedByReason())
        .containsExactly(entry("unknown reject", 2L), entry("too long", 1L));
    assertThat(summary.eventsByType())
        .containsEntry("reject", 1L)
        .containsEntry("sasl_auth_failed", 0L)
        .hasSize(EventType.values().length);
  }

  @Test
  void shouldCountRefusalsByReasonCodeAndServiceAndWarningsApart() {
    report.addEvent(reject(RejectAction.REJECT, RejectReason.RELAY_DENIED, 554, "smtpd"));
    report.addEvent(reject(RejectAction.REJECT, RejectReason.UNKNOWN_RECIPIENT, 550, "smtpd"));
    report.addEvent(reject(RejectAction.REJECT, RejectReason.UNKNOWN_RECIPIENT, 550, "submission"));
    report.addEvent(reject(RejectAction.MILTER_REJECT, RejectReason.POLICY_REJECTED, 550, "smtpd"));
    report.addEvent(reject(RejectAction.REJECT_WARNING, RejectReason.RBL_LISTED, 554, "smtpd"));
    report.addEvent(
        MailEvent.builder(EventType.REJECT)
            .timestamp(T0)
            .raw("exim")
            .mta(Mta.EXIM)
            .reason(RejectReason.RELAY_DENIED)
            .clientIp("198.51.100.1")
            .build());

    ReportSummary.Rejects rejects = report.summary(10).rejects();

    assertThat(rejects.refused()).isEqualTo(5);
    assertThat(rejects.warnings()).isEqualTo(1);
    assertThat(rejects.byReason())
        .containsExactly(
            entry("relay_denied", 2L),
            entry("unknown_recipient", 2L),
            entry("policy_rejected", 1L));
    assertThat(rejects.bySmtpCode())
        .containsExactly(entry("550", 3L), entry("554", 1L), entry("none", 1L));
    assertThat(rejects.byService())
        .containsExactly(entry("smtpd", 3L), entry("exim", 1L), entry("submission", 1L));
  }

  @Test
  void shouldListRelayDeniedClientsMostFirstWithDomainsTimesAndNetwork() {
    report.addEvent(relayDenial("192.0.2.7", "b.example", 5));
    report.addEvent(relayDenial("192.0.2.7", "B.Example", 1));
    report.addEvent(relayDenial("192.0.2.7", "c.example", 9));
    report.addEvent(relayDenial("10.0.0.8", "b.example", 3));
    report.addEvent(relayDenial("10.0.0.8", "b.example", 4));
    report.addEvent(relayDenial("2001:db8::1", "d.example", 2));
    report.addEvent(
        reject(RejectAction.REJECT_WARNING, RejectReason.RELAY_DENIED, 554, "smtpd").toBuilder()
            .clientIp("203.0.113.1")
            .build());

    ReportSummary.RelayDenials denials = report.summary(2).relayDenials();

    assertThat(denials.total()).isEqualTo(6);
    assertThat(denials.clients()).isEqualTo(3);
    assertThat(denials.approximate()).isFalse();
    assertThat(denials.top())
        .containsExactly(
            new RelayDeniedClient(
                "192.0.2.7", 3, 2, false, T0.plusMinutes(1), T0.plusMinutes(9), Network.EXTERNAL),
            new RelayDeniedClient(
                "10.0.0.8", 2, 1, false, T0.plusMinutes(3), T0.plusMinutes(4), Network.INTERNAL));
  }

  @Test
  void shouldUseConfiguredInternalNetworks() {
    MailLogReport custom =
        new MailLogReport(
            InternalNetworks.of(java.util.List.of("192.0.2.0/24")), ReportLimits.DEFAULTS);
    custom.addEvent(relayDenial("192.0.2.7", "b.example", 0));
    custom.addEvent(relayDenial("10.0.0.8", "b.example", 0));
    custom.addEvent(relayDenial(null, "b.example", 0));

    assertThat(custom.summary(10).relayDenials().top())
        .extracting(RelayDeniedClient::clientIp, RelayDeniedClient::network)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.0.0.8", Network.EXTERNAL),
            org.assertj.core.groups.Tuple.tuple("192.0.2.7", Network.INTERNAL),
            org.assertj.core.groups.Tuple.tuple("unknown", Network.UNKNOWN));
  }

  @Test
  void shouldReportDistinctDomainsAsALowerBoundPastTheLimit() {
    MailLogReport capped =
        new MailLogReport(InternalNetworks.defaults(), new ReportLimits(100, 3, 1_000, 10));
    for (int i = 0; i < 10; i++) {
      capped.addEvent(relayDenial("192.0.2.7", "d" + i + ".example", i));
      capped.addEvent(relayDenial("192.0.2.8", "same.example", i));
    }

    assertThat(capped.summary(10).relayDenials().top())
        .extracting(
            RelayDeniedClient::clientIp,
            RelayDeniedClient::recipientDomains,
            RelayDeniedClient::recipientDomainsAtLeast)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("192.0.2.7", 3, true),
            org.assertj.core.groups.Tuple.tuple("192.0.2.8", 1, false));
  }

  @Test
  void shouldShareTheDomainBudgetBetweenClients() {
    MailLogReport capped =
        new MailLogReport(InternalNetworks.defaults(), new ReportLimits(100, 100, 4, 10));
    for (int i = 0; i < 3; i++) {
      capped.addEvent(relayDenial("192.0.2.7", "a" + i + ".example", i));
      capped.addEvent(relayDenial("192.0.2.8", "b" + i + ".example", i));
    }

    assertThat(capped.summary(10).relayDenials().top())
        .extracting(RelayDeniedClient::recipientDomains)
        .containsExactly(2, 2);
  }

  @Test
  void shouldDropLessCountedClientsWhenTheTableIsFullAndSaySo() {
    MailLogReport small =
        new MailLogReport(InternalNetworks.defaults(), new ReportLimits(4, 10, 1_000, 10));
    for (int i = 0; i < 5; i++) {
      small.addEvent(relayDenial("198.51.100.1", "b.example", i));
    }
    for (int i = 1; i <= 20; i++) {
      small.addEvent(relayDenial("203.0.113." + i, "b.example", i));
    }

    ReportSummary.RelayDenials denials = small.summary(1).relayDenials();

    assertThat(denials.total()).isEqualTo(25);
    assertThat(denials.approximate()).isTrue();
    assertThat(denials.droppedClients()).isPositive();
    assertThat(denials.droppedEvents()).isEqualTo(denials.droppedClients());
    assertThat(denials.clients()).isEqualTo(21);
    assertThat(denials.top())
        .singleElement()
        .extracting(RelayDeniedClient::clientIp)
        .isEqualTo("198.51.100.1");
  }

  @Test
  void shouldCountSaslFailuresPerClientWithSomeUsernames() {
    MailLogReport capped =
        new MailLogReport(InternalNetworks.defaults(), new ReportLimits(100, 10, 1_000, 2));
    capped.addEvent(saslFailure("192.0.2.9", "admin", 2));
    capped.addEvent(saslFailure("192.0.2.9", "info", 1));
    capped.addEvent(saslFailure("192.0.2.9", "admin", 3));
    capped.addEvent(saslFailure("192.0.2.9", "test", 4));
    capped.addEvent(saslFailure("192.0.2.10", null, 5));

    ReportSummary.SaslFailures failures = capped.summary(10).saslFailures();

    assertThat(failures.total()).isEqualTo(5);
    assertThat(failures.top())
        .containsExactly(
            new ReportSummary.SaslFailedClient(
                "192.0.2.9",
                4,
                java.util.List.of("admin", "info"),
                true,
                T0.plusMinutes(1),
                T0.plusMinutes(4),
                Network.EXTERNAL),
            new ReportSummary.SaslFailedClient(
                "192.0.2.10",
                1,
                java.util.List.of(),
                false,
                T0.plusMinutes(5),
                T0.plusMinutes(5),
                Network.EXTERNAL));
  }

  @Test
  void shouldSummariseSaslBackendErrorsWithTheFirstMessage() {
    report.addEvent(backendError("SASL: Connect to private/auth failed", 7));
    report.addEvent(backendError("fatal: no SASL authentication mechanisms", 2));
    report.addEvent(backendError(null, 12));

    ReportSummary.SaslBackendErrors errors = report.summary(10).saslBackendErrors();

    assertThat(errors)
        .isEqualTo(
            new ReportSummary.SaslBackendErrors(
                3, T0.plusMinutes(2), T0.plusMinutes(12), "SASL: Connect to private/auth failed"));
  }

  @Test
  void shouldWriteTheSummaryAsJsonWithStableFieldNames() throws Exception {
    report.addEvent(relayDenial("192.0.2.7", "b.example", 0));

    JsonNode json = Json.mapper().valueToTree(report.summary(10));

    assertThat(json.path("totalLines").asLong()).isEqualTo(1);
    assertThat(json.path("rejects").path("byReason").path("relay_denied").asLong()).isEqualTo(1);
    JsonNode client = json.path("relayDenials").path("top").path(0);
    assertThat(client.path("clientIp").asText()).isEqualTo("192.0.2.7");
    assertThat(client.path("network").asText()).isEqualTo("external");
    assertThat(client.path("firstSeen").asText()).isEqualTo("2026-11-03T10:00:00Z");
    assertThat(json.path("saslBackendErrors").path("count").asLong()).isZero();
  }

  private static MailEvent reject(
      RejectAction action, RejectReason reason, int code, String service) {
    return MailEvent.builder(EventType.REJECT)
        .timestamp(T0)
        .raw("reject line")
        .mta(Mta.POSTFIX)
        .service(service)
        .action(action)
        .reason(reason)
        .smtpCode(code)
        .build();
  }

  private static MailEvent relayDenial(String ip, String domain, int minute) {
    return reject(RejectAction.REJECT, RejectReason.RELAY_DENIED, 554, "smtpd").toBuilder()
        .timestamp(T0.plusMinutes(minute))
        .clientIp(ip)
        .recipient("user@" + domain)
        .recipientDomain(domain)
        .build();
  }

  private static MailEvent saslFailure(String ip, String username, int minute) {
    return MailEvent.builder(EventType.SASL_AUTH_FAILED)
        .timestamp(T0.plusMinutes(minute))
        .raw("sasl line")
        .clientIp(ip)
        .saslUsername(username)
        .build();
  }

  private static MailEvent backendError(String message, int minute) {
    return MailEvent.builder(EventType.SASL_BACKEND_UNAVAILABLE)
        .timestamp(T0.plusMinutes(minute))
        .raw("raw: " + message)
        .message(message)
        .build();
  }
}
