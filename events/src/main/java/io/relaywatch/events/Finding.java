package io.relaywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One verdict about one subject (a client IP, a mail host or a recipient domain), with the evidence
 * behind it and the proposed fix: what {@code relaywatch diagnose --json} prints and what an alert
 * carries. Field meanings are in docs/alerts.md.
 *
 * @param verdict the root cause
 * @param severity how urgent
 * @param subject the client IP, host or domain the finding is about (see {@link Verdict#subject()})
 * @param clientIp the client IP for client findings, null for host and domain findings
 * @param summary one line for a person, built from validated values only
 * @param count how many log events back the finding (denials, failures, errors)
 * @param firstSeen the earliest of them, as logged
 * @param lastSeen the latest of them, as logged
 * @param evidence at most three raw log lines (attacker-controlled text: escape before display)
 * @param diagnostics commands a person runs to confirm the cause
 * @param fix the proposed fix
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "verdict",
  "severity",
  "subject",
  "clientIp",
  "summary",
  "count",
  "firstSeen",
  "lastSeen",
  "evidence",
  "diagnostics",
  "fix"
})
public record Finding(
    Verdict verdict,
    Severity severity,
    String subject,
    String clientIp,
    String summary,
    long count,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    List<String> evidence,
    List<String> diagnostics,
    Fix fix) {
  /** Raw lines kept as evidence; more add nothing a person reads and grow every alert. */
  public static final int MAX_EVIDENCE = 3;

  public Finding {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(fix, "fix");
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    if (evidence.size() > MAX_EVIDENCE) {
      evidence = evidence.subList(0, MAX_EVIDENCE);
    }
    diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
  }

  /** The identity an alert lifecycle follows: the same verdict about the same subject. */
  public String key() {
    return verdict.wireName() + "/" + subject;
  }
}
