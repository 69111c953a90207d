package io.relaywatch.alerts.notify;

import io.relaywatch.events.Alert;
import io.relaywatch.events.AlertStatus;
import io.relaywatch.events.Finding;
import io.relaywatch.events.Fix;
import io.relaywatch.events.Severity;
import io.relaywatch.events.Verdict;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Realistic alert states for the receiver tests. */
final class TestAlerts {
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  static final String EVIDENCE =
      "Nov 28 09:58:01 mx1 postfix/smtpd[4242]: NOQUEUE: reject: RCPT from app1[10.1.2.3]: 554 5.7.1"
          + " <bob@example.org>: Relay access denied; from=<noreply@example.com>"
          + " to=<bob@example.org> proto=ESMTP helo=<app1>";

  private TestAlerts() {}

  static Finding finding(String ip) {
    return new Finding(
        Verdict.TRUSTED_SENDER_NOT_IN_MYNETWORKS,
        Severity.WARNING,
        ip,
        ip,
        ip + " sends as example.com on port 25 without AUTH and is not in mynetworks",
        12,
        OffsetDateTime.of(2026, 11, 28, 9, 50, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 11, 28, 9, 58, 1, 0, ZoneOffset.UTC),
        List.of(EVIDENCE),
        List.of("postconf mynetworks", "grep 'client=.*\\[" + ip + "\\]' /var/log/mail.log"),
        new Fix(
            "Add " + ip + "/32 to mynetworks, or move the application to port 587 with AUTH.",
            List.of(
                "postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128 " + ip + "/32'",
                "postfix check && postfix reload"),
            List.of("hostlist relay_from_hosts = <; 127.0.0.1 ; ::1 ; " + ip + "/32"),
            null,
            List.of("EMAIL_PORT = 587", "EMAIL_USE_TLS = True")));
  }

  static Alert firing(String ip) {
    return firing(ip, T0);
  }

  static Alert firing(String ip, Instant updatedAt) {
    Finding f = finding(ip);
    return new Alert(f.key(), AlertStatus.FIRING, T0, updatedAt.plusSeconds(240), updatedAt, f);
  }

  static Alert resolved(String ip, Instant at) {
    Finding f = finding(ip);
    return new Alert(f.key(), AlertStatus.RESOLVED, T0, at, at, f);
  }

  static Alert withFinding(Alert a, Finding f) {
    return new Alert(f.key(), a.status(), a.startsAt(), a.endsAt(), a.updatedAt(), f);
  }
}
